package cn.dzn.syncclient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The records a bureau exported: every {@code *.json} file of one folder, in file-name order,
 * each holding one record or an array of them. The order is fixed so that the same folder always
 * makes the same batches, and so the same Idempotency-Keys.
 */
final class RecordFolder {

    /** A record and where it came from, so that a refusal can point the bureau at the file. */
    record Entry(Wire.SyncRecord record, String origin) {
    }

    /** A file the bureau has to fix before anything is sent. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private RecordFolder() {
    }

    static List<Entry> read(Path folder) throws IOException, Invalid {
        if (!Files.isDirectory(folder)) {
            throw new Invalid(folder + " is not a folder");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            readFile(file, entries);
        }
        return entries;
    }

    private static void readFile(Path file, List<Entry> into) throws IOException, Invalid {
        String name = file.getFileName().toString();
        JsonNode content;
        try {
            content = Wire.STRICT.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new Invalid(name + " is not JSON: " + e.getOriginalMessage());
        }
        if (content != null && content.isArray()) {
            for (int i = 0; i < content.size(); i++) {
                into.add(new Entry(record(content.get(i), name + "[" + i + "]"), name + "[" + i + "]"));
            }
        } else {
            into.add(new Entry(record(content, name), name));
        }
    }

    private static Wire.SyncRecord record(JsonNode node, String origin) throws Invalid {
        if (node == null || !node.isObject()) {
            throw new Invalid(origin + ": a record is an object {\"id\", \"version\", \"deleted\", \"data\"}");
        }
        Wire.SyncRecord record;
        try {
            record = Wire.STRICT.treeToValue(node, Wire.SyncRecord.class);
        } catch (JacksonException e) {
            throw new Invalid(origin + ": " + e.getOriginalMessage());
        }
        if (record.id() == null || record.id().isBlank()) {
            throw new Invalid(origin + ": the record has no \"id\"");
        }
        return record;
    }
}
