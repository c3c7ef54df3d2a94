package cn.dzn.zone;

import static cn.dzn.platform.identity.Role.READ;
import static cn.dzn.platform.identity.Role.RELAY;
import static cn.dzn.platform.identity.Role.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.resources.Candidate;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.WriteContext;
import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import cn.dzn.zone.zones.Zone;
import cn.dzn.zone.zones.ZoneInput;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/zones/sync}: outcomes per record, idempotency, and a crash in the middle. */
class ZoneSyncTest extends ZoneServiceTestBase {

    static final String GUANGZHOU = TestCallers.bearer("440100", READ, WRITE);
    static final String NATIONAL = TestCallers.national();

    @Autowired
    MongoDatabase database;

    @Autowired
    RecordStore<ZoneInput, Zone> zones;

    static Map<String, Object> record(String id, Long version, String name, String region) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        if (version != null) {
            record.put("version", version);
        }
        record.put("data", Map.of("name", name, "regionCode", region, "memberCities", List.of(region)));
        return record;
    }

    static String batch(List<Map<String, Object>> records) {
        return TestHttp.json(Map.of("records", records));
    }

    Response sync(String token, String key, String body) {
        return key == null ? http().post("/api/zones/sync", body, "Authorization", token)
                : http().post("/api/zones/sync", body, "Authorization", token, "Idempotency-Key", key);
    }

    @Test
    void theSameBatchThreeTimesGivesOneAnswerAndWritesOnce() {
        String prefix = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        String body = batch(List.of(record(prefix + "-a", null, "甲", "440100"), record(prefix + "-b", null, "乙", "440106")));
        String key = UUID.randomUUID().toString();

        Response first = sync(GUANGZHOU, key, body);
        Response second = sync(GUANGZHOU, key, body);
        Response third = sync(GUANGZHOU, key, body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("counts").get("created").asInt()).isEqualTo(2);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(third.json()).isEqualTo(first.json());
        assertThat(auditEntries(prefix + "-a")).isEqualTo(1);
        assertThat(zones.versionOf(caller("440100"), prefix + "-a")).isEqualTo(1);
    }

    @Test
    void oneBatchMixesEveryOutcomeAndOneBadRecordSinksNothing() {
        String p = "mixed-" + UUID.randomUUID().toString().substring(0, 8);
        sync(GUANGZHOU, UUID.randomUUID().toString(), batch(List.of(record(p + "-old", null, "旧", "440100"),
                record(p + "-same", null, "同", "440100"))));

        List<Map<String, Object>> records = new ArrayList<>();
        records.add(record(p + "-new", null, "新", "440100"));
        records.add(record(p + "-old", 1L, "旧→新", "440100"));
        records.add(record(p + "-same", null, "同", "440100"));
        records.add(record(p + "-old", 1L, "过时", "440100"));
        records.add(record(p + "-sz", null, "深圳", "440300"));
        records.add(record(p + "-bad", null, "", "999999"));
        records.add(Map.of("id", p + "-typo", "data", Map.of("name", "x", "regionCode", "440100",
                "memberCities", List.of("440100"), "colour", "red")));
        records.add(record(p + "-new", null, "重复", "440100"));
        Response response = sync(GUANGZHOU, UUID.randomUUID().toString(), batch(records));

        assertThat(response.status()).isEqualTo(200);
        JsonNode results = response.json().get("results");
        assertThat(outcomes(results)).containsExactly("created", "updated", "unchanged", "rejected", "rejected",
                "rejected", "rejected", "rejected");
        assertThat(results.get(3).get("errors").get(0).get("message").asString()).contains("more than once");
        assertThat(results.get(4).get("errors").get(0).get("message").asString()).contains("outside");
        List<String> badFields = new ArrayList<>();
        results.get(5).get("errors").forEach(error -> badFields.add(error.get("field").asString()));
        assertThat(badFields).containsExactlyInAnyOrder("data.name", "data.regionCode", "data.memberCities[0]");
        assertThat(results.get(6).get("errors").get(0).get("field").asString()).startsWith("data");
        assertThat(zones.find(caller("000000"), p + "-sz")).isEmpty();

        Response stale = sync(GUANGZHOU, UUID.randomUUID().toString(), batch(List.of(record(p + "-old", 1L, "过时", "440100"))));
        JsonNode conflict = stale.json().get("results").get(0);
        assertThat(conflict.get("outcome").asString()).isEqualTo("conflict");
        assertThat(conflict.get("currentVersion").asLong()).isEqualTo(2);
    }

    @Test
    void keysAreRequiredAndMayNotBeReusedForOtherContent() {
        String body = batch(List.of(record("key-" + UUID.randomUUID(), null, "x", "440100")));
        Response missing = sync(GUANGZHOU, null, body);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("Idempotency-Key");

        String key = UUID.randomUUID().toString();
        assertThat(sync(GUANGZHOU, key, body).status()).isEqualTo(200);
        Response reused = sync(GUANGZHOU, key, batch(List.of(record("key-" + UUID.randomUUID(), null, "y", "440100"))));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void malformedOrOversizedBatchesAre400AndWriteNothing() {
        long before = database.getCollection("zones").countDocuments();
        assertThat(sync(GUANGZHOU, "k-" + UUID.randomUUID(), "{\"records\": [").status()).isEqualTo(400);
        assertThat(sync(GUANGZHOU, "k-" + UUID.randomUUID(), "{\"rows\": []}").status()).isEqualTo(400);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(record("many-" + i, null, "x", "440100"));
        }
        Response response = sync(GUANGZHOU, "k-" + UUID.randomUUID(), batch(tooMany));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("1000");
        assertThat(database.getCollection("zones").countDocuments()).isEqualTo(before);
    }

    @Test
    void aBatchThatDiedHalfwayReachesTheCleanRunsStateAndAnswerWhenResent() throws Exception {
        String p = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> clean = List.of(record(p + "-c1", null, "一", "440100"),
                record(p + "-c2", null, "二", "440100"), record(p + "-c3", null, "三", "440100"));
        List<Map<String, Object>> crashed = List.of(record(p + "-k1", null, "一", "440100"),
                record(p + "-k2", null, "二", "440100"), record(p + "-k3", null, "三", "440100"));
        JsonNode cleanAnswer = sync(GUANGZHOU, UUID.randomUUID().toString(), batch(clean)).json();

        // The crashed request: its key leased (the lease since run out) and its first record written.
        String key = UUID.randomUUID().toString();
        String body = batch(crashed);
        String idempotencyId = "test-440100|" + key;
        ObjectId auditId = new ObjectId();
        database.getCollection("idempotency").insertOne(new Document("_id", idempotencyId)
                .append("fingerprint", sha256(body)).append("leaseUntil", new java.util.Date(0))
                .append("auditId", auditId));
        zones.write(new WriteContext(caller("440100"), "crashed-request", Instant.now(), idempotencyId, auditId),
                List.of(Candidate.upsert(p + "-k1", null, new ZoneInput("一", "440100", List.of("440100"),
                        null, null, null, null, null, null, null, null, null, null))));

        // It died before recording its answer, the last step of a request.
        database.getCollection("audit").deleteOne(new Document("_id", auditId));

        JsonNode resent = sync(GUANGZHOU, key, body).json();

        assertThat(outcomes(resent.get("results"))).isEqualTo(outcomes(cleanAnswer.get("results")));
        assertThat(resent.get("counts")).isEqualTo(cleanAnswer.get("counts"));
        for (String suffix : List.of("1", "2", "3")) {
            assertThat(zones.versionOf(caller("440100"), p + "-k" + suffix)).isEqualTo(1);
            assertThat(auditEntries(p + "-k" + suffix)).isEqualTo(1);
        }
        assertThat(sync(GUANGZHOU, key, body).json()).isEqualTo(resent);
    }

    @Test
    void aReadOnlyKeyIsRefusedTheWholeBatchAndNothingIsWritten() {
        String id = "ro-" + UUID.randomUUID();
        Response response = sync(TestCallers.bearer("440100", READ), UUID.randomUUID().toString(),
                batch(List.of(record(id, null, "x", "440100"))));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(http().get("/api/zones/" + id, "Authorization", NATIONAL).status()).isEqualTo(404);
    }

    /**
     * A relayed zone skips only the rules that read other records: one whose member cities reach
     * outside its region (so Shenzhen's readers would see it) is refused like anyone's.
     */
    @Test
    void aRelayedZoneReachingIntoAnotherCityIsRejectedAndWritesNothing() {
        String id = "gz-relayed-" + UUID.randomUUID();
        Map<String, Object> reaching = Map.of("id", id, "origin", Map.of("deployment", "guangzhou", "version", 1),
                "data", Map.of("name", "越界片区", "regionCode", "440100", "memberCities", List.of("440100", "440300")));

        Response response = sync(TestCallers.bearer("440100", RELAY), UUID.randomUUID().toString(),
                batch(List.of(reaching)));

        assertThat(outcomes(response.json().get("results"))).containsExactly("rejected");
        assertThat(response.text()).contains("memberCities[1]");
        assertThat(http().get("/api/zones/" + id, "Authorization", NATIONAL).status()).isEqualTo(404);
    }

    @Test
    void namingARecordOutsideTheRegionIsRejectedWithoutSayingWhereItLives() {
        String id = "js-" + UUID.randomUUID();
        sync(NATIONAL, UUID.randomUUID().toString(), batch(List.of(record(id, null, "苏州", "320500"))));

        Response response = sync(GUANGZHOU, UUID.randomUUID().toString(),
                batch(List.of(record(id, null, "广州", "440100"))));

        assertThat(outcomes(response.json().get("results"))).containsExactly("rejected");
        assertThat(response.text()).doesNotContain("320500");
        assertThat(http().get("/api/zones/" + id, "Authorization", NATIONAL).json().get("name").asString())
                .isEqualTo("苏州");
    }

    /**
     * Issue 14, finding 3: deleting an id of another region was "rejected: belongs to a record
     * outside the caller's region" when it existed and "unchanged" when it did not.
     */
    @Test
    void deletingAnIdOfAnotherRegionIsAnsweredAsIfItDidNotExist() {
        String theirs = "js-" + UUID.randomUUID();
        String nobodys = "none-" + UUID.randomUUID();
        sync(NATIONAL, UUID.randomUUID().toString(), batch(List.of(record(theirs, null, "苏州", "320500"))));

        JsonNode results = sync(GUANGZHOU, UUID.randomUUID().toString(), "{\"records\": ["
                + "{\"id\": \"" + theirs + "\", \"version\": 1, \"deleted\": true},"
                + "{\"id\": \"" + nobodys + "\", \"version\": 1, \"deleted\": true}]}").json().get("results");

        JsonNode existing = results.get(0);
        JsonNode missing = results.get(1);
        assertThat(existing.get("outcome").asString()).isEqualTo("unchanged").isEqualTo(missing.get("outcome").asString());
        assertThat(existing.get("version")).isEqualTo(missing.get("version"));
        assertThat(existing.has("errors")).isFalse();
        assertThat(http().get("/api/zones/" + theirs, "Authorization", NATIONAL).status()).isEqualTo(200);
    }

    static List<String> outcomes(JsonNode results) {
        List<String> outcomes = new ArrayList<>();
        results.forEach(result -> outcomes.add(result.get("outcome").asString()));
        return outcomes;
    }

    long auditEntries(String id) {
        return database.getCollection("audit").countDocuments(new Document("records.id", id));
    }

    static Caller caller(String region) {
        return new Caller("test-" + region, RegionCode.of(region), Set.of(READ, WRITE));
    }

    static String sha256(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    }
}
