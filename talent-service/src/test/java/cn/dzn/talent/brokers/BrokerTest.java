package cn.dzn.talent.brokers;

import static cn.dzn.talent.Fixtures.broker;
import static cn.dzn.talent.Fixtures.created;
import static cn.dzn.talent.Fixtures.map;
import static cn.dzn.talent.Fixtures.professional;
import static cn.dzn.talent.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import cn.dzn.talent.TalentTestBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 科技伯乐 programme as a city bureau runs it through HTTP (seed 001 §10): admission,
 * agreements, an evaluation per period until a broker exits, the award flag, withdrawal.
 */
class BrokerTest extends TalentTestBase {

    static final String GUANGZHOU = writer("440100");

    @Test
    void aBureauEvaluatesABrokerOverSeveralPeriodsUntilItExitsWithTheReasonRecorded() {
        String id = admitted("e-" + scope);

        JsonNode first = evaluate(id, 1, "2022", 95).json();
        assertThat(first.path("evaluations").get(0).path("score").decimalValue()).isEqualByComparingTo("95");
        assertThat(first.path("outstanding").asBoolean()).as("flagged for award").isTrue();
        JsonNode second = evaluate(id, 2, "2023", 55).json();
        assertThat(second.path("status").asString()).as("one period below: a warning").isEqualTo("ACTIVE");
        assertThat(second.path("outstanding").asBoolean()).isFalse();
        assertThat(second.path("evaluations").get(1).path("belowThreshold").asBoolean()).isTrue();
        Response third = evaluate(id, 3, "2024", 40);

        assertThat(third.status()).isEqualTo(200);
        assertThat(third.json().path("status").asString()).isEqualTo("EXITED");
        assertThat(third.json().path("exitReason").asString()).contains("2023: 55.00", "2024: 40.00", "seed 001 §10");
        Response afterExit = evaluate(id, 4, "2025", 99);
        assertThat(afterExit.status()).isEqualTo(409);
        assertThat(afterExit.contentType()).startsWith("application/problem+json");
        Map<String, Object> revived = input(third.json());
        revived.put("status", "ACTIVE");
        revived.remove("exitReason");
        assertThat(http().put("/api/brokers/" + id, TestHttp.json(revived), "Authorization", GUANGZHOU, "If-Match", "\"4\"")
                .status()).as("an exit is final").isEqualTo(409);
        assertThat(http().delete("/api/brokers/" + id, "Authorization", GUANGZHOU, "If-Match", "\"4\"").status())
                .as("its history is kept").isEqualTo(409);
        assertThat(http().get("/api/brokers?status=EXITED&limit=500", "Authorization", GUANGZHOU).text()).contains(id);
    }

    @Test
    void aSyncingClientMustStateWhatTheIndexSays() {
        String id = admitted("s-" + scope);
        Map<String, Object> broker = input(evaluate(id, 1, "2023", 50).json());
        Object first = ((List<?>) broker.get("evaluations")).get(0);

        broker.put("evaluations", List.of(first, map("period", "2024", "points", points(45), "score", 75,
                "belowThreshold", false)));
        JsonNode flattered = sync(id, broker);
        broker.put("evaluations", List.of(first, map("period", "2024", "points", points(45), "score", 45,
                "belowThreshold", true)));
        JsonNode keptOn = sync(id, broker);
        broker.put("status", "EXITED");
        broker.put("exitReason", "两期考核不合格");
        JsonNode exited = sync(id, broker);

        assertThat(flattered.path("outcome").asString()).isEqualTo("rejected");
        assertThat(flattered.path("errors").toString()).contains("evaluations[1].score");
        assertThat(keptOn.path("outcome").asString()).isEqualTo("rejected");
        assertThat(keptOn.path("errors").toString()).contains("must be EXITED");
        assertThat(exited.path("outcome").asString()).as(exited.toString()).isEqualTo("updated");
    }

    @Test
    void aBrokerIsAnActiveTechnologyBrokerOfTheBureausRegionAdmittedOnce() {
        String manager = "440100.m-" + scope;
        created(http().post("/api/talents", TestHttp.json(professional("440100", "m-" + scope, "MANAGER")),
                "Authorization", GUANGZHOU));
        created(http().post("/api/talents", TestHttp.json(professional("440300", "z-" + scope, "BROKER")),
                "Authorization", writer("440300")));

        Response notABroker = http().post("/api/brokers", TestHttp.json(broker(manager, "440100")), "Authorization", GUANGZHOU);
        Response elsewhere = http().post("/api/brokers", TestHttp.json(broker("440300.z-" + scope, "440100")),
                "Authorization", GUANGZHOU);
        Response unknown = http().post("/api/brokers", TestHttp.json(broker("440100.none-" + scope, "440100")),
                "Authorization", GUANGZHOU);

        assertThat(notABroker.status()).isEqualTo(400);
        assertThat(notABroker.text()).contains("科技伯乐 are 技术经纪人");
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.text()).as("told as if it did not exist").contains("no professional 440300.z-");
        assertThat(unknown.status()).isEqualTo(400);
        String id = admitted("a-" + scope);
        assertThat(http().post("/api/brokers", TestHttp.json(broker(id, "440100")), "Authorization", GUANGZHOU)
                .status()).as("admitted once, the natural key").isEqualTo(200);
        Response read = http().get("/api/brokers/" + id, "Authorization", GUANGZHOU);
        assertThat(read.json().path("agreements").get(0).path("sharePercent").decimalValue()).isEqualByComparingTo("15");
        assertThat(http().get("/api/brokers/" + id, "Authorization", writer("440300")).status()).isEqualTo(404);
        assertThat(http().post("/api/brokers/" + id + "/evaluate", TestHttp.json(Map.of("period", "2024",
                "points", points(80))), "Authorization", writer("440300"), "If-Match", "\"1\"").status()).isEqualTo(404);
    }

    @Test
    void aBureauWithdrawsABrokerSayingWhy() {
        String id = admitted("w-" + scope);

        Response noReason = http().post("/api/brokers/" + id + "/withdraw", "{}", "Authorization", GUANGZHOU,
                "If-Match", "\"1\"");
        Response withdrawn = http().post("/api/brokers/" + id + "/withdraw", "{\"reason\": \"调离本市\"}",
                "Authorization", GUANGZHOU, "If-Match", "\"1\"");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().path("exitReason").asString()).isEqualTo("调离本市");
        assertThat(evaluate(id, 2, "2024", 80).status()).isEqualTo(409);
    }

    @Test
    void anEvaluationNamesEveryIndicatorOfTheIndexAndAPeriodAfterTheLast() {
        String id = admitted("i-" + scope);
        evaluate(id, 1, "2024", 70);

        Response unknown = http().post("/api/brokers/" + id + "/evaluate", TestHttp.json(Map.of("period", "2025",
                "points", Map.of("contracts", 80, "luck", 100))), "Authorization", GUANGZHOU, "If-Match", "\"2\"");
        Response earlier = evaluate(id, 2, "2023", 70);
        Response future = evaluate(id, 2, "2999", 70);

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("luck", "turnover");
        assertThat(earlier.status()).isEqualTo(400);
        assertThat(earlier.text()).contains("does not follow 2024");
        assertThat(future.status()).isEqualTo(400);
        assertThat(http().get("/api/brokers/" + id, "Authorization", GUANGZHOU).json().path("version").asLong())
                .isEqualTo(2);
    }

    /** Registers a 技术经纪人 of Guangzhou and admits it; the broker's id. */
    private String admitted(String ref) {
        created(http().post("/api/talents", TestHttp.json(professional("440100", ref, "BROKER")),
                "Authorization", GUANGZHOU));
        return created(http().post("/api/brokers", TestHttp.json(broker("440100." + ref, "440100")),
                "Authorization", GUANGZHOU));
    }

    private Response evaluate(String id, int version, String period, int score) {
        return http().post("/api/brokers/" + id + "/evaluate", TestHttp.json(Map.of("period", period,
                "points", points(score))), "Authorization", GUANGZHOU, "If-Match", "\"" + version + "\"");
    }

    private static Map<String, Object> points(int each) {
        return map("contracts", each, "turnover", each, "cooperation", each, "finance", each, "conduct", each);
    }

    /** What a client sends back of a broker it read. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> input(JsonNode read) {
        Map<String, Object> input = JsonMapper.builder().build().convertValue(read, Map.class);
        for (String system : List.of("id", "createdAt", "updatedAt", "version")) {
            input.remove(system);
        }
        return input;
    }

    /** One record synced at version 2; its result. */
    private JsonNode sync(String id, Map<String, Object> broker) {
        Response synced = http().post("/api/brokers/sync", TestHttp.json(Map.of("records", List.of(map("id", id,
                "version", 2, "data", broker)))), "Authorization", GUANGZHOU, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(synced.status()).as(synced.text()).isEqualTo(200);
        return synced.json().path("results").get(0);
    }
}
