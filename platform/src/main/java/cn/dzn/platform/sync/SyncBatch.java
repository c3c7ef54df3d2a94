package cn.dzn.platform.sync;

import java.util.List;

/** The body of {@code POST /api/{resource}/sync}. */
public record SyncBatch(List<SyncRecord> records) {

    public static final int MAX_RECORDS = 1000;
}
