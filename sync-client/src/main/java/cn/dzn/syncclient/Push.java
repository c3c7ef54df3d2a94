package cn.dzn.syncclient;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;

/**
 * {@code push}: sends the records of a folder in batches. Each batch's Idempotency-Key is derived
 * from its content, so running the same push again (after a crash, a timeout, a killed job)
 * replays the network's stored answers instead of writing twice.
 */
final class Push {

    static final String KEY_PREFIX = "dzn-sc1-";
    /** The order totals are printed in; an outcome a newer network adds is printed after these. */
    private static final List<String> OUTCOMES = List.of("created", "updated", "deleted", "unchanged", "conflict",
            "rejected");

    private final String gateway;
    private final String apiKey;
    private final String resource;
    private final RetryingHttp http;
    private final PrintStream out;

    Push(String gateway, String apiKey, String resource, RetryingHttp http, PrintStream out) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.resource = resource;
        this.http = http;
        this.out = out;
    }

    int run(List<RecordFolder.Entry> entries, int batchSize) throws InterruptedException {
        int batches = (entries.size() + batchSize - 1) / batchSize;
        out.println("push: " + count(entries.size(), "record") + " to /api/" + resource + " in " + count(batches, "batch"));
        Map<String, Integer> totals = new LinkedHashMap<>();
        OUTCOMES.forEach(outcome -> totals.put(outcome, 0));
        boolean refusedRecords = false;
        for (int b = 0; b < batches; b++) {
            List<RecordFolder.Entry> batch = entries.subList(b * batchSize, Math.min(entries.size(), (b + 1) * batchSize));
            String label = "batch " + (b + 1) + "/" + batches;
            Wire.SyncAnswer answer = send(label, batch);
            if (answer == null) {
                // Later batches may build on this one (a record created here, updated there): stop,
                // and let the operator fix it and run the same push again.
                int rest = entries.size() - b * batchSize - batch.size();
                if (rest > 0) {
                    out.println("not sent: " + (b + 2 == batches ? "batch " + batches : "batches " + (b + 2) + " to "
                            + batches) + " (" + count(rest, "record") + ")");
                }
                printTotals(totals, b, batches);
                out.println("FAILED: run the same push again once the cause is fixed; sent batches replay safely");
                return SyncClient.EXIT_FAILED;
            }
            answer.counts().forEach((outcome, n) -> totals.merge(outcome, n, Integer::sum));
            refusedRecords |= report(batch, answer);
        }
        printTotals(totals, batches, batches);
        if (refusedRecords) {
            out.println("DONE with conflicts or rejections (listed above)");
            return SyncClient.EXIT_REFUSED_RECORDS;
        }
        out.println("DONE");
        return SyncClient.EXIT_OK;
    }

    /** Sends one batch; its answer, or null (and why, printed) when the batch failed outright. */
    private Wire.SyncAnswer send(String label, List<RecordFolder.Entry> batch) throws InterruptedException {
        byte[] body = Wire.STRICT.writeValueAsBytes(
                new Wire.SyncBatch(batch.stream().map(RecordFolder.Entry::record).toList()));
        String key = idempotencyKey(resource, body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/" + resource + "/sync"))
                .header("X-Api-Key", apiKey).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        out.println(label + ": " + count(batch.size(), "record") + ", " + batch.get(0).origin() + " .. "
                + batch.get(batch.size() - 1).origin() + ", Idempotency-Key " + key);
        HttpResponse<String> response;
        try {
            response = http.send(request);
        } catch (RetryingHttp.GaveUp e) {
            out.println(label + " FAILED: " + e.getMessage());
            return null;
        }
        if (response.statusCode() != 200) {
            out.println(label + " FAILED: " + Wire.Problem.describe(response.statusCode(), response.body()));
            if (response.statusCode() == 422) {
                out.println("  the network holds another request under this key; the key is derived from the"
                        + " batch content, so this should not happen: report it with the key above");
            }
            return null;
        }
        try {
            Wire.SyncAnswer answer = Wire.LENIENT.readValue(response.body(), Wire.SyncAnswer.class);
            if (answer.counts() == null || answer.results() == null) {
                throw new IllegalArgumentException("no counts or results");
            }
            return answer;
        } catch (JacksonException | IllegalArgumentException e) {
            out.println(label + " FAILED: HTTP 200 but not a sync answer: " + Wire.Problem.describe(200, response.body()));
            return null;
        }
    }

    /** Prints the batch's counts and every record that was not taken; true if there was one. */
    private boolean report(List<RecordFolder.Entry> batch, Wire.SyncAnswer answer) {
        out.println("  " + counts(answer.counts()));
        boolean refused = false;
        for (Wire.RecordResult result : answer.results()) {
            if (!"conflict".equals(result.outcome()) && !"rejected".equals(result.outcome())) {
                continue;
            }
            refused = true;
            String origin = result.index() >= 0 && result.index() < batch.size() ? batch.get(result.index()).origin()
                    : "record " + result.index();
            StringBuilder line = new StringBuilder("  ").append(result.outcome().toUpperCase()).append(' ')
                    .append(result.id()).append(" (").append(origin).append(')');
            if (result.currentVersion() != null) {
                line.append(": the network is at version ").append(result.currentVersion())
                        .append("; read it, merge, and send that version");
            }
            if (result.errors() != null) {
                result.errors().forEach(e -> line.append("\n      ").append(e.field()).append(": ").append(e.message()));
            }
            out.println(line);
        }
        return refused;
    }

    private void printTotals(Map<String, Integer> totals, int sent, int batches) {
        out.println("total (" + sent + " of " + batches + " batches answered): " + counts(totals));
    }

    private static String counts(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        OUTCOMES.forEach(outcome -> parts.add(outcome + " " + counts.getOrDefault(outcome, 0)));
        counts.forEach((outcome, n) -> {
            if (!OUTCOMES.contains(outcome)) {
                parts.add(outcome + " " + n);
            }
        });
        return String.join(", ", parts);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : noun.endsWith("h") ? "es" : "s");
    }

    /**
     * SHA-256 of the resource and the exact bytes sent: the same batch always gets the same key,
     * any change to it gets a new one. The resource is part of it because the network scopes keys
     * per client, not per resource.
     */
    static String idempotencyKey(String resource, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(resource.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            return KEY_PREFIX + HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
