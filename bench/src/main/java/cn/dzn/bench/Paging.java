package cn.dzn.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.web.PageRequest;
import tools.jackson.databind.JsonNode;

/**
 * Paging at scale: one keyset page, {@code GET /api/zones?limit=100&after=<cursor>} on
 * zone-service (national reader), with the zones collection at {@code small} and later at
 * {@code large} records. The cursor sits where half the collection lies after it, at both sizes,
 * so the two pages are the same page of a walk. Records are loaded with the raw driver's
 * insertMany in the shape zone-service's write path stores (RecordWriter): content, version,
 * createdAt/updatedAt, deleted, seq.
 */
final class Paging {

    private static final int LIMIT = 100;
    private static final int BATCH = 1000;
    private static final int PAGES = 100;

    private final Api api;
    private final MongoCollection<Document> zones;
    private final int small;
    private final int large;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private long loaded;
    private double smallP50;

    Paging(Api api, MongoCollection<Document> zones, int small, int large) {
        this.api = api;
        this.zones = zones;
        this.small = small;
        this.large = large;
    }

    /** Fills the collection to {@code small} records and measures; call before anything adds many. */
    void atSmall() throws Exception {
        fillTo(small);
        smallP50 = p50(PAGES);
    }

    Figure atLarge() throws Exception {
        long start = System.nanoTime();
        fillTo(large);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        double largeP50 = p50(PAGES);
        return new Figure(String.format("Paging: keyset page of %d at %,d vs %,d records", LIMIT, large, small), "ms",
                smallP50, largeP50, 1.2, false, String.format("zone-service directly; cursor at mid-collection at "
                        + "both sizes; p50 of %d pages at each, after 3 s unrecorded; topping up to %,d took %.0f s "
                        + "(insertMany); see \"Paging at scale\" below", PAGES, large, loadSeconds));
    }

    private void fillTo(long total) throws Exception {
        long missing = total - zones.estimatedDocumentCount();
        SyncIngest.check(missing >= 0, "the collection already holds more than " + total);
        long from = loaded;
        loaded += missing;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> batches = new ArrayList<>();
        for (long first = from; first < loaded; first += BATCH) {
            long begin = first;
            long end = Math.min(loaded, first + BATCH);
            batches.add(pool.submit(() -> zones.insertMany(documents(begin, end))));
        }
        for (Future<?> batch : batches) {
            batch.get();
        }
        pool.shutdown();
        SyncIngest.check(zones.estimatedDocumentCount() == total, "zones count after loading is not " + total);
    }

    /** The p50 of {@code samples} pages (after two unrecorded), each checked. */
    private double p50(int samples) throws Exception {
        long total = zones.estimatedDocumentCount();
        String after = id(loaded - total / 2);
        String path = "/api/zones?limit=" + LIMIT + "&after=" + PageRequest.cursorAfter(after);
        // Warmed for 3 s first: measured right after start, the small size's pages ran cold (JIT)
        // at twice the large size's cost.
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            check(http.send(api.direct("zone-service", path), HttpResponse.BodyHandlers.ofString()), after);
        }
        long[] latencies = new long[samples];
        for (int i = 0; i < samples; i++) {
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(api.direct("zone-service", path),
                    HttpResponse.BodyHandlers.ofString());
            latencies[i] = System.nanoTime() - sent;
            check(response, after);
        }
        Arrays.sort(latencies);
        return latencies[samples / 2] / 1e6;
    }

    /** A full page, in id order, every id after the cursor, with a next cursor. */
    private static void check(HttpResponse<String> response, String after) {
        SyncIngest.check(response.statusCode() == 200, "page answered " + response.statusCode() + ": "
                + response.body().substring(0, Math.min(300, response.body().length())));
        JsonNode page = TestHttp.parse(response.body());
        JsonNode items = page.path("items");
        SyncIngest.check(items.size() == LIMIT && !page.path("next").isNull(), "page has " + items.size()
                + " items, next " + page.path("next"));
        String previous = after;
        for (JsonNode item : items) {
            String id = item.path("id").asString();
            SyncIngest.check(id.compareTo(previous) > 0, "page out of order: " + id + " after " + previous);
            previous = id;
        }
    }

    private static List<Document> documents(long from, long to) {
        List<Document> documents = new ArrayList<>(BATCH);
        Date now = new Date();
        for (long i = from; i < to; i++) {
            String city = (i % 2 == 0) ? "440100" : "440300";
            documents.add(new Document("_id", id(i)).append("name", "分页片区 " + i).append("regionCode", "440000")
                    .append("memberCities", List.of(city)).append("status", "BUILDING")
                    .append("leadingIndustries", List.of("生物医药", "新材料")).append("batch", 1 + (int) (i % 5))
                    .append("version", 1L).append("createdAt", now).append("updatedAt", now)
                    .append("deleted", false).append("seq", 1_000_000_000L + i));
        }
        return documents;
    }

    private static String id(long i) {
        return String.format("page-%07d", i);
    }
}
