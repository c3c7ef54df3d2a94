package cn.dzn.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import cn.dzn.launcher.Suite;
import cn.dzn.platform.test.TestHttp;

/**
 * Sync ingest: records through the gateway's {@code POST /api/zones/sync} in batches of 1,000,
 * against the raw driver's {@code insertMany} of the same records into the same store. The two
 * alternate in halves, so neither runs only against the larger store, and both use the same
 * number of concurrent senders.
 */
final class SyncIngest {

    private static final int BATCH = 1000;
    private static final int SENDERS = 4;

    private final Suite suite;
    private final int total;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SyncIngest(Suite suite, int total) {
        this.suite = suite;
        this.total = total;
    }

    Figure run() throws Exception {
        try (MongoClient store = MongoClients.create(suite.config().mongoUri())) {
            MongoCollection<Document> raw = store.getDatabase("dzn_zone").getCollection("bench_raw");
            syncBatches("warm", 0, 5);
            rawBatches(raw, "warm", 0, 5);
            int half = total / BATCH / 2;
            long rawNanos = rawBatches(raw, "bench", 0, half);
            long syncNanos = syncBatches("bench", 0, half);
            rawNanos += rawBatches(raw, "bench", half, total / BATCH);
            syncNanos += syncBatches("bench", half, total / BATCH);

            check(raw.countDocuments(new Document("_id", new Document("$regex", "^bench-"))) == total, "raw count");
            check(store.getDatabase("dzn_zone").getCollection("zones")
                    .countDocuments(new Document("_id", new Document("$regex", "^bench-"))) == total, "synced count");
            double rawRate = total / (rawNanos / 1e9);
            double syncRate = total / (syncNanos / 1e9);
            return new Figure("Sync ingest, " + total + " records in batches of " + BATCH
                    + " (gateway vs raw insertMany)", "records/s", rawRate, syncRate, 0.5, true,
                    SENDERS + " concurrent senders on both sides; record counts checked after the run");
        }
    }

    private long syncBatches(String prefix, int from, int to) throws Exception {
        return timed(from, to, index -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + suite.config().gatewayPort()
                    + "/api/zones/sync")).header("Content-Type", "application/json")
                    .header("X-Api-Key", suite.secrets().adminKey()).header("Idempotency-Key", prefix + "-batch-" + index)
                    .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(batchJson(prefix, index)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            check(response.statusCode() == 200 && response.body().contains("\"created\":" + BATCH),
                    "sync batch " + index + " answered " + response.statusCode() + ": "
                            + response.body().substring(0, Math.min(300, response.body().length())));
        });
    }

    private long rawBatches(MongoCollection<Document> raw, String prefix, int from, int to) throws Exception {
        return timed(from, to, index -> raw.insertMany(batchDocuments(prefix, index)));
    }

    private interface Batch {
        void send(int index) throws Exception;
    }

    /** Runs batches {@code from..to-1} on {@link #SENDERS} threads; returns the wall-clock nanoseconds. */
    private static long timed(int from, int to, Batch batch) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        long start = System.nanoTime();
        List<Future<?>> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            senders.add(pool.submit(() -> {
                for (int index = next.getAndIncrement(); index < to; index = next.getAndIncrement()) {
                    batch.send(index);
                }
                return null;
            }));
        }
        for (Future<?> sender : senders) {
            sender.get();
        }
        long took = System.nanoTime() - start;
        pool.shutdown();
        return took;
    }

    private static String batchJson(String prefix, int index) {
        List<Map<String, Object>> records = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            records.add(Map.of("id", id(prefix, index, i), "data", content(index, i)));
        }
        return TestHttp.json(Map.of("records", records));
    }

    private static List<Document> batchDocuments(String prefix, int index) {
        List<Document> documents = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            Document document = new Document(content(index, i));
            document.put("_id", id(prefix, index, i));
            document.put("version", 1L);
            documents.add(document);
        }
        return documents;
    }

    private static String id(String prefix, int batch, int i) {
        return prefix + "-" + batch + "-" + i;
    }

    private static Map<String, Object> content(int batch, int i) {
        String city = (i % 2 == 0) ? "440100" : "440300";
        return Map.of("name", "基准片区 " + batch + "-" + i, "regionCode", city, "memberCities", List.of(city),
                "leadingIndustries", List.of("生物医药", "新材料"), "batch", 1 + i % 5);
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark check failed: " + what);
        }
    }
}
