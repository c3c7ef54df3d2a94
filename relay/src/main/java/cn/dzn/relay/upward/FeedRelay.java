package cn.dzn.relay.upward;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.dzn.relay.Gateway;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One step of one resource's feed going up: the page of local changes after the cursor becomes
 * one sync batch upstream, each record with its origin (this deployment and its version here, or
 * the origin it was relayed with, so a province relays its cities' records on as theirs), and the
 * cursor moves once the tier above has answered. The batch's idempotency key is made from the
 * feed positions it carries: a batch read again after a crash is the same batch under the same key.
 */
class FeedRelay {

    /** What a step pushed: the changes sent, and how many of them the tier above refused. */
    record Pushed(int changes, int rejected) {
    }

    /** A step that could not finish; the cursor stays, and the step is tried again after a wait. */
    static final class Failure extends Exception {

        final String side;

        Failure(String side, String message) {
            super(message);
            this.side = side;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(FeedRelay.class);

    private final String deployment;
    private final Gateway local;
    private final Gateway upstream;
    private final Cursors cursors;
    private final JsonMapper json;
    private final int batchSize;
    private final Map<String, ReadAhead> readAhead = new ConcurrentHashMap<>();
    private final Executor reader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "relay-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    FeedRelay(String deployment, Gateway local, Gateway upstream, Cursors cursors, JsonMapper json, int batchSize) {
        this.deployment = deployment;
        this.local = local;
        this.upstream = upstream;
        this.cursors = cursors;
        this.json = json;
        this.batchSize = batchSize;
    }

    /**
     * Reads the next page of {@code resource}'s local feed; what the caller then pushes. A page
     * read ahead while the last batch was going up is used when it starts at the saved cursor.
     */
    JsonNode read(String resource) throws Failure, IOException, InterruptedException {
        String since = cursors.get(resource);
        ReadAhead ahead = readAhead.remove(resource);
        if (ahead != null && Objects.equals(ahead.since(), since)) {
            try {
                return ahead.page().get();
            } catch (ExecutionException e) {
                // Read it again below; a failure there is reported as any other.
            }
        }
        return fetch(resource, since);
    }

    private JsonNode fetch(String resource, String since) throws Failure, IOException, InterruptedException {
        Gateway.Answer page = local.get(resource + "/changes?limit=" + batchSize
                + (since == null ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8)));
        if (!page.ok() || page.json() == null) {
            throw new Failure("local", "reading " + resource + "/changes answered " + page.status() + ": " + page.text());
        }
        return page.json();
    }

    /**
     * While a batch goes up, the page after it is read here, so reading here and writing at the
     * tier above overlap instead of taking turns; under steady writes that page holds what was
     * written meanwhile (after a short page, {@code next} is the feed's end as it was read).
     */
    private void readAhead(String resource, JsonNode page) {
        String next = page.path("next").asString();
        readAhead.put(resource, new ReadAhead(next, CompletableFuture.supplyAsync(() -> {
            try {
                return fetch(resource, next);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, reader)));
    }

    private record ReadAhead(String since, CompletableFuture<JsonNode> page) {
    }

    /** Pushes {@code page} upstream and moves the cursor past it. */
    Pushed push(String resource, JsonNode page) throws Failure, IOException, InterruptedException {
        JsonNode items = page.path("items");
        String next = page.path("next").asString();
        if (items.isEmpty()) {
            cursors.put(resource, next);
            return new Pushed(0, 0);
        }
        ObjectNode batch = json.createObjectNode();
        ArrayNode records = batch.putArray("records");
        StringBuilder positions = new StringBuilder(resource);
        for (JsonNode change : items) {
            records.add(record(change));
            positions.append('\n').append(change.path("cursor").asString());
        }
        String key = "relay-" + deployment + "-" + digest(positions.toString());
        readAhead(resource, page);
        Gateway.Answer answer = upstream.sync(resource, key, json.writeValueAsBytes(batch));
        if (!answer.ok() || answer.json() == null) {
            throw new Failure("upstream", "sync of " + items.size() + " changes to " + upstream.base() + resource
                    + " answered " + answer.status() + ": " + answer.text());
        }
        int rejected = 0;
        for (JsonNode result : answer.json().path("results")) {
            if ("rejected".equals(result.path("outcome").asString()) || "conflict".equals(result.path("outcome").asString())) {
                rejected++;
                log.warn("{} {} was {} upstream: {}", resource, result.path("id").asString(),
                        result.path("outcome").asString(), result.path("errors"));
            }
        }
        cursors.put(resource, next);
        return new Pushed(items.size(), rejected);
    }

    private ObjectNode record(JsonNode change) {
        ObjectNode record = json.createObjectNode();
        record.put("id", change.path("id").asString());
        boolean deleted = change.path("deleted").asBoolean();
        if (deleted) {
            record.put("deleted", true);
        } else {
            record.set("data", change.path("record"));
        }
        JsonNode origin = change.path("origin");
        if (origin.isObject()) {
            record.set("origin", origin);
        } else {
            record.putObject("origin").put("deployment", deployment).put("version", change.path("version").asLong());
        }
        return record;
    }

    /** When the oldest change of a page was written here (its record's updatedAt), for the lag. */
    static Instant oldest(JsonNode page) {
        Instant oldest = Instant.now();
        for (JsonNode change : page.path("items")) {
            String at = change.path("record").path("updatedAt").asString("");
            try {
                Instant written = Instant.parse(at);
                oldest = written.isBefore(oldest) ? written : oldest;
            } catch (RuntimeException e) {
                // A record without a time of writing counts from now.
            }
        }
        return oldest;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
