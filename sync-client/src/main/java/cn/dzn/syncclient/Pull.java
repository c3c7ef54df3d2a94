package cn.dzn.syncclient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code pull}: follows a resource's change feed from the saved cursor until caught up, appending
 * each change as one JSON line. Per page the lines are forced to disk before the cursor moves
 * past them, so a pull killed at any point resumes without losing a change; at worst it writes
 * the last page again (consumers keep the highest version per id).
 */
final class Pull {

    private final String gateway;
    private final String apiKey;
    private final String resource;
    private final RetryingHttp http;
    private final PrintStream out;

    Pull(String gateway, String apiKey, String resource, RetryingHttp http, PrintStream out) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.resource = resource;
        this.http = http;
        this.out = out;
    }

    int run(Path cursorFile, Path outFile, int limit) throws IOException, InterruptedException {
        String cursor = readCursor(cursorFile);
        out.println("pull: /api/" + resource + "/changes " + (cursor == null ? "from the start" : "since " + cursor)
                + " into " + outFile);
        long total = 0;
        int pages = 0;
        while (true) {
            Wire.ChangesPage page = fetch(cursor, limit);
            if (page == null) {
                out.println("FAILED after " + total + " changes; the cursor file is at the last page written:"
                        + " run the same pull again to resume");
                return SyncClient.EXIT_FAILED;
            }
            if (!page.items().isEmpty() && page.next().equals(cursor)) {
                out.println("FAILED: the feed answered changes but did not move past " + cursor);
                return SyncClient.EXIT_FAILED;
            }
            append(outFile, page);
            // An empty page may still move the cursor, past changes outside our region.
            if (!page.next().equals(cursor)) {
                saveCursor(cursorFile, page.next());
            }
            pages++;
            total += page.items().size();
            cursor = page.next();
            if (page.items().isEmpty()) {
                break;
            }
            out.println("  page " + pages + ": " + page.items().size() + " changes, next " + cursor);
        }
        out.println("DONE: " + total + " changes, caught up at " + cursor);
        return SyncClient.EXIT_OK;
    }

    private Wire.ChangesPage fetch(String since, int limit) throws InterruptedException {
        String query = "?limit=" + limit + (since == null ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/" + resource + "/changes" + query))
                .header("X-Api-Key", apiKey).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request);
        } catch (RetryingHttp.GaveUp e) {
            out.println("  " + e.getMessage());
            return null;
        }
        if (response.statusCode() != 200) {
            out.println("  " + Wire.Problem.describe(response.statusCode(), response.body()));
            return null;
        }
        try {
            Wire.ChangesPage page = Wire.LENIENT.readValue(response.body(), Wire.ChangesPage.class);
            if (page.items() == null || page.next() == null || page.next().isEmpty()) {
                throw new IllegalArgumentException("no items or next");
            }
            return page;
        } catch (JacksonException | IllegalArgumentException e) {
            out.println("  HTTP 200 but not a change page: " + Wire.Problem.describe(200, response.body()));
            return null;
        }
    }

    private static void append(Path outFile, Wire.ChangesPage page) throws IOException {
        if (page.items().isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (JsonNode item : page.items()) {
            lines.append(Wire.LENIENT.writeValueAsString(item)).append('\n');
        }
        try (FileChannel channel = FileChannel.open(outFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }

    static String readCursor(Path cursorFile) throws IOException {
        if (!Files.exists(cursorFile)) {
            return null;
        }
        String cursor = Files.readString(cursorFile, StandardCharsets.UTF_8).strip();
        return cursor.isEmpty() ? null : cursor;
    }

    /** Temp file then rename: a reader (or the next run) sees the old cursor or the new one, never half of one. */
    static void saveCursor(Path cursorFile, String cursor) throws IOException {
        Path target = cursorFile.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap((cursor + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
