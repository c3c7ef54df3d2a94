package cn.dzn.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.identity.Role;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * The sync contract every resource of the kit keeps (docs/sync.md), run against the real service
 * through HTTP. A resource's test extends this and says only how its records look: its path and
 * collection, the city that writes, a valid record of a region, an invalid variant, and a region
 * outside the writer's. The subclass carries the service's {@code @SpringBootTest}.
 */
public abstract class SyncContractTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoDatabase database;

    /** Unique to each test, for ids and anything else that must not collide between tests. */
    protected String scope;

    /** E.g. {@code /api/zones}. */
    protected abstract String path();

    protected abstract String collection();

    /** The city whose bureau writes, e.g. {@code 440100}. */
    protected abstract String writerRegion();

    /** A region outside {@link #writerRegion()} where {@link #data} still makes a valid record. */
    protected abstract String outsideRegion();

    /** The content of a valid record in {@code region}, distinct for every {@code n} in a test. */
    protected abstract Map<String, Object> data(String region, int n);

    /** The id the record made by {@code data(region, n)} has: its natural key, or one chosen here. */
    protected abstract String id(Map<String, Object> data, int n);

    /** {@code valid} with something wrong that only validation finds (a missing required field). */
    protected abstract Map<String, Object> invalid(Map<String, Object> valid);

    @BeforeEach
    void newScope() {
        scope = UUID.randomUUID().toString().substring(0, 8);
    }

    protected TestHttp http() {
        return TestHttp.localhost(port);
    }

    protected String writer() {
        return TestCallers.bearer(writerRegion(), Role.READ, Role.WRITE);
    }

    @Test
    void theSameBatchThreeTimesWritesOnceAndAnswersTheSame() {
        String body = batch(record(0), record(1));
        String key = UUID.randomUUID().toString();
        long before = stored();

        Response first = sync(writer(), key, body);
        Response second = sync(writer(), key, body);
        Response third = sync(writer(), key, body);

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().path("counts").path("created").asInt()).isEqualTo(2);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(third.json()).isEqualTo(first.json());
        assertThat(stored()).isEqualTo(before + 2);
        Response read = http().get(path() + "/" + id(data(writerRegion(), 0), 0), "Authorization", writer());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
        String key = UUID.randomUUID().toString();
        assertThat(sync(writer(), key, batch(record(0))).status()).isEqualTo(200);
        long before = stored();

        Response reused = sync(writer(), key, batch(record(1)));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aBatchWithoutAKeyIsRefusedAndWritesNothing() {
        long before = stored();
        Response response = sync(writer(), null, batch(record(0)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains("Idempotency-Key");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void outOfRegionAndInvalidRecordsAreRejectedOneByOneWhileTheRestAreWritten() {
        Map<String, Object> outside = data(outsideRegion(), 1);
        Map<String, Object> broken = invalid(data(writerRegion(), 2));
        long before = stored();

        Response response = sync(writer(), UUID.randomUUID().toString(), batch(record(0),
                envelope(id(outside, 1), null, outside), envelope(id(data(writerRegion(), 2), 2), null, broken),
                record(3)));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(outcomes(response)).containsExactly("created", "rejected", "rejected", "created");
        assertThat(response.json().path("results").get(1).path("errors").size()).isPositive();
        assertThat(response.json().path("results").get(2).path("errors").size()).isPositive();
        assertThat(stored()).isEqualTo(before + 2);
    }

    @Test
    void aReadOnlyKeyGets403AndWritesNothing() {
        long before = stored();
        Response response = sync(TestCallers.bearer(writerRegion(), Role.READ), UUID.randomUUID().toString(),
                batch(record(0)));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anOversizedOrMalformedBatchChangesNothing() {
        long before = stored();
        List<Map<String, Object>> many = new ArrayList<>();
        for (int n = 0; n < 1001; n++) {
            many.add(envelope("r" + n, null, Map.of()));
        }
        Response oversized = sync(writer(), UUID.randomUUID().toString(), TestHttp.json(Map.of("records", many)));
        Response malformed = sync(writer(), UUID.randomUUID().toString(), "{\"records\": [" + TestHttp.json(record(0)));

        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.text()).contains("1000");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(stored()).isEqualTo(before);
    }

    /** Three writers at once, a reader following the feed meanwhile: every write once, in order. */
    @Test
    void theFeedListsEveryWriteOnceInOrderAlsoWhileWritersRun() throws Exception {
        String start = feedEnd();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int first = w * 12;
                writers.add(pool.submit(() -> {
                    for (int b = 0; b < 3; b++) {
                        int n = first + b * 4;
                        Response answer = sync(writer(), UUID.randomUUID().toString(),
                                batch(record(n), record(n + 1), record(n + 2), record(n + 3)));
                        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
                    }
                }));
            }
            Future<List<JsonNode>> reader = pool.submit(() -> {
                List<JsonNode> seen = new ArrayList<>();
                String cursor = start;
                long deadline = System.nanoTime() + 60_000_000_000L;
                while ((writing.get() || seen.size() < 36) && System.nanoTime() < deadline) {
                    JsonNode page = feed(cursor);
                    page.path("items").forEach(seen::add);
                    cursor = page.path("next").asString();
                    if (seen.size() > 36) {
                        break;
                    }
                }
                return seen;
            });
            for (Future<?> w : writers) {
                w.get();
            }
            writing.set(false);
            List<JsonNode> seen = reader.get();

            Map<String, Integer> times = new HashMap<>();
            seen.forEach(change -> times.merge(change.path("id").asString(), 1, Integer::sum));
            for (int n = 0; n < 36; n++) {
                assertThat(times.get(id(data(writerRegion(), n), n))).as("record " + n).isEqualTo(1);
            }
            assertThat(seen).hasSize(36);
            List<Long> sequence = seen.stream().map(change -> seq(change.path("cursor").asString())).toList();
            assertThat(sequence).isSorted().doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeletionAppearsInTheFeedAsATombstone() {
        String id = id(data(writerRegion(), 0), 0);
        sync(writer(), UUID.randomUUID().toString(), batch(record(0)));
        String before = feedEnd();

        Response deleted = sync(writer(), UUID.randomUUID().toString(), batch(envelope(id, 1L, null, true)));

        assertThat(outcomes(deleted)).containsExactly("deleted");
        assertThat(http().get(path() + "/" + id, "Authorization", writer()).status()).isEqualTo(404);
        JsonNode change = feed(before).path("items").get(0);
        assertThat(change.path("id").asString()).isEqualTo(id);
        assertThat(change.path("deleted").asBoolean()).isTrue();
        assertThat(change.path("version").asLong()).isEqualTo(2);
    }

    @Test
    void theAuditIsForNationalAdministratorsOnly() {
        sync(writer(), UUID.randomUUID().toString(), batch(record(0)));
        String id = id(data(writerRegion(), 0), 0);

        assertThat(http().get(path() + "/audit", "Authorization", writer()).status()).isEqualTo(403);
        assertThat(http().get(path() + "/audit", "Authorization", TestCallers.bearer(writerRegion(), Role.ADMIN))
                .status()).isEqualTo(403);
        assertThat(http().get(path() + "/audit", "Authorization", TestCallers.bearer("000000", Role.READ))
                .status()).isEqualTo(403);
        List<String> audited = new ArrayList<>();
        String after = "";
        do {
            Response page = http().get(path() + "/audit?limit=500" + after, "Authorization",
                    TestCallers.bearer("000000", Role.ADMIN));
            assertThat(page.status()).isEqualTo(200);
            page.json().path("items").forEach(entry -> entry.path("records")
                    .forEach(written -> audited.add(written.path("id").asString())));
            after = page.json().path("next").isString() ? "&after=" + page.json().path("next").asString() : null;
        } while (after != null);
        assertThat(audited).contains(id);
    }

    protected final Map<String, Object> record(int n) {
        Map<String, Object> data = data(writerRegion(), n);
        return envelope(id(data, n), null, data);
    }

    protected static Map<String, Object> envelope(String id, Long version, Map<String, Object> data) {
        return envelope(id, version, data, false);
    }

    private static Map<String, Object> envelope(String id, Long version, Map<String, Object> data, boolean deleted) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        if (version != null) {
            record.put("version", version);
        }
        if (deleted) {
            record.put("deleted", true);
        } else {
            record.put("data", data);
        }
        return record;
    }

    @SafeVarargs
    protected static String batch(Map<String, Object>... records) {
        return TestHttp.json(Map.of("records", List.of(records)));
    }

    protected Response sync(String token, String key, String body) {
        return key == null ? http().post(path() + "/sync", body, "Authorization", token)
                : http().post(path() + "/sync", body, "Authorization", token, "Idempotency-Key", key);
    }

    private long stored() {
        return database.getCollection(collection()).countDocuments();
    }

    private static List<String> outcomes(Response response) {
        List<String> outcomes = new ArrayList<>();
        response.json().path("results").forEach(result -> outcomes.add(result.path("outcome").asString()));
        return outcomes;
    }

    private JsonNode feed(String since) {
        Response page = http().get(path() + "/changes?limit=500" + (since == null ? "" : "&since=" + since),
                "Authorization", TestCallers.bearer("000000", Role.READ));
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        return page.json();
    }

    /** The cursor after the last change so far. */
    private String feedEnd() {
        String cursor = null;
        while (true) {
            JsonNode page = feed(cursor);
            cursor = page.path("next").asString();
            if (page.path("items").isEmpty()) {
                return cursor;
            }
        }
    }

    private static long seq(String cursor) {
        return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
    }
}
