package cn.dzn.platform.resources;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/{resource}/sync}: each record is bound on its own ({@link SyncRecord}),
 * so one malformed record is rejected alone.
 */
public record SyncBatch(List<JsonNode> records) {

    public static final int MAX_RECORDS = 1000;
}
