package cn.dzn.zone;

import static cn.dzn.platform.identity.Role.READ;
import static cn.dzn.platform.identity.Role.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/zones/changes}: ordered, scoped, gap-free while writers run, replayable. */
class ZoneChangeFeedTest extends ZoneServiceTestBase {

    /** Each test works in a province of its own, so feeds of other tests do not mix in. */
    static String token(String region) {
        return TestCallers.bearer(region, READ, WRITE);
    }

    Response sync(String token, List<Map<String, Object>> records) {
        return http().post("/api/zones/sync", TestHttp.json(Map.of("records", records)), "Authorization", token,
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    static Map<String, Object> zone(String id, Long version, String name, String region) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        if (version != null) {
            record.put("version", version);
        }
        record.put("data", Map.of("name", name, "regionCode", region, "memberCities", List.of(region)));
        return record;
    }

    /** Follows the feed from the start until it is caught up; id → last version seen. */
    Map<String, Long> replay(String token, List<String> order, Map<String, Boolean> deleted) {
        Map<String, Long> view = new LinkedHashMap<>();
        String since = null;
        while (true) {
            Response page = http().get("/api/zones/changes?limit=7" + (since == null ? "" : "&since=" + since),
                    "Authorization", token);
            assertThat(page.status()).isEqualTo(200);
            JsonNode items = page.json().get("items");
            items.forEach(item -> {
                String id = item.get("id").asString();
                order.add(id);
                view.put(id, item.get("version").asLong());
                deleted.put(id, item.get("deleted").asBoolean());
            });
            String next = page.json().get("next").asString();
            if (items.isEmpty() && next.equals(since)) {
                return view;
            }
            since = next;
        }
    }

    @Test
    void replayingFromTheStartRebuildsTheCallersViewWithTombstones() {
        String token = token("530000");
        String other = token("540000");
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(zone("yn-" + i, null, "云南片区" + i, "530100"));
        }
        sync(token, records);
        sync(other, List.of(zone("xz-0", null, "西藏片区", "540100")));
        sync(token, List.of(zone("yn-3", 1L, "云南片区三（改）", "530100"), Map.of("id", "yn-4", "version", 1,
                "deleted", true)));

        Map<String, Boolean> deleted = new HashMap<>();
        Map<String, Long> view = replay(token, new ArrayList<>(), deleted);

        JsonNode listing = http().get("/api/zones?limit=500", "Authorization", token).json().get("items");
        Map<String, Long> listed = new HashMap<>();
        listing.forEach(zone -> listed.put(zone.get("id").asString(), zone.get("version").asLong()));
        Map<String, Long> live = new HashMap<>(view);
        live.keySet().removeIf(deleted::get);
        assertThat(live).isEqualTo(listed);
        assertThat(view).containsEntry("yn-3", 2L).containsEntry("yn-4", 2L).doesNotContainKey("xz-0");
        assertThat(deleted.get("yn-4")).isTrue();
    }

    @Test
    void twoClientsSyncingTheSameRecordsAtOnceLeaveOneWinnerPerRecord() throws Exception {
        String province = token("620000");
        String city = token("620100");
        List<Map<String, Object>> created = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            created.add(zone("gs-" + i, null, "甘肃片区" + i, "620100"));
        }
        sync(province, created);
        List<Map<String, Object>> fromProvince = new ArrayList<>();
        List<Map<String, Object>> fromCity = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fromProvince.add(zone("gs-" + i, 1L, "省改" + i, "620100"));
            fromCity.add(zone("gs-" + i, 1L, "市改" + i, "620100"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Response> a = pool.submit(() -> sync(province, fromProvince));
        Future<Response> b = pool.submit(() -> sync(city, fromCity));
        JsonNode resultsA = a.get().json().get("results");
        JsonNode resultsB = b.get().json().get("results");
        pool.shutdown();

        for (int i = 0; i < 50; i++) {
            String outcomeA = resultsA.get(i).get("outcome").asString();
            String outcomeB = resultsB.get(i).get("outcome").asString();
            assertThat(List.of(outcomeA, outcomeB)).containsExactlyInAnyOrder("updated", "conflict");
            JsonNode zone = http().get("/api/zones/gs-" + i, "Authorization", province).json();
            assertThat(zone.get("version").asLong()).isEqualTo(2);
            assertThat(zone.get("name").asString()).isEqualTo(outcomeA.equals("updated") ? "省改" + i : "市改" + i);
        }
        List<String> order = new ArrayList<>();
        Map<String, Long> view = replay(province, order, new HashMap<>());
        assertThat(order).doesNotHaveDuplicates().hasSize(50);
        assertThat(view.values()).containsOnly(2L);
    }

    @Test
    void aReaderFollowingTheFeedWhileWritersRunMissesNothing() throws Exception {
        String token = token("630000");
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            writers.add(() -> {
                for (int i = 0; i < 40; i++) {
                    sync(token, List.of(zone("qh-" + writer + "-" + i, null, "青海" + i, "630100")));
                }
                return 40;
            });
        }
        List<String> seen = new ArrayList<>();
        Future<?> reader = pool.submit(() -> {
            String since = null;
            while (writing.get() || since == null || !caughtUp(token, since)) {
                Response page = http().get("/api/zones/changes?limit=5" + (since == null ? "" : "&since=" + since),
                        "Authorization", token);
                page.json().get("items").forEach(item -> seen.add(item.get("id").asString()));
                since = page.json().get("next").asString();
            }
            return null;
        });
        for (Future<Integer> done : pool.invokeAll(writers)) {
            done.get();
        }
        writing.set(false);
        reader.get();
        pool.shutdown();

        assertThat(seen).doesNotHaveDuplicates().hasSize(120);
    }

    boolean caughtUp(String token, String since) {
        Response page = http().get("/api/zones/changes?since=" + since, "Authorization", token);
        return page.json().get("items").isEmpty();
    }

    @Test
    void aCursorThatIsNotOursIs400() {
        Response response = http().get("/api/zones/changes?since=@@@", "Authorization", token("640000"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theAuditTrailIsForNationalAdministratorsOnly() {
        String token = token("650000");
        sync(token, List.of(zone("xj-audit", null, "新疆", "650100")));
        // Sent again under a new key: unchanged, so nothing written and nothing more to audit.
        assertThat(sync(token, List.of(zone("xj-audit", null, "新疆", "650100"))).json().get("counts")
                .get("unchanged").asInt()).isEqualTo(1);
        assertThat(http().get("/api/zones/audit", "Authorization", token).status()).isEqualTo(403);
        Response audit = http().get("/api/zones/audit?limit=500", "Authorization", TestCallers.national());
        assertThat(audit.status()).isEqualTo(200);
        List<JsonNode> mine = new ArrayList<>();
        audit.json().get("items").forEach(entry -> assertThat(entry.get("records").isEmpty()).isFalse());
        audit.json().get("items").forEach(entry -> entry.get("records").forEach(record -> {
            if (record.get("id").asString().equals("xj-audit")) {
                mine.add(entry);
                assertThat(record.get("outcome").asString()).isEqualTo("created");
                assertThat(record.get("version").asLong()).isEqualTo(1);
            }
        }));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("clientId").asString()).isEqualTo("test-650000");
        assertThat(mine.get(0).get("region").asString()).isEqualTo("650000");
        assertThat(mine.get(0).get("requestId").asString()).isNotBlank();
        assertThat(mine.get(0).has("answer")).isFalse();
    }
}
