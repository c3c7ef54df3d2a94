package cn.dzn.zone;

import static cn.dzn.platform.identity.Role.READ;
import static cn.dzn.platform.identity.Role.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;

/** Evaluation (seed 004 §六, §七): a weighted scheme, scores and ranking reproducible from stored inputs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationTest extends ZoneServiceTestBase {

    static final String PERIOD = "2015";
    static final String NATIONAL = TestCallers.national();
    final Map<String, String> zones = new LinkedHashMap<>();

    /** Zone "a" (苏州) turnover 100 and R&D 1%; "b" (广州) 300 and 3%; "c" (成都) 200 and no R&D figure. */
    @BeforeAll
    void threeZonesReportFor2015() {
        zone("a", "320000", "320500", report(100, 1));
        zone("b", "440000", "440100", report(300, 3));
        zone("c", "510000", "510100", report(200, null));
        define(Map.of("contract_turnover", 0.6, "rd_intensity", 0.4));
    }

    @Test
    void zonesAreRankedByTheirWeightedNormalisedFigures() {
        JsonNode ranking = ranking();
        JsonNode b = row(ranking, "b");
        JsonNode c = row(ranking, "c");
        assertThat(b.get("rank").asInt()).isEqualTo(1);
        assertThat(new BigDecimal(b.get("score").asString())).isEqualByComparingTo("100");
        assertThat(c.get("rank").asInt()).isEqualTo(2);
        // Turnover halfway between the others (0.5 × 0.6), no R&D figure (0 × 0.4).
        assertThat(new BigDecimal(c.get("score").asString())).isEqualByComparingTo("30");
        assertThat(c.get("missing").toString()).isEqualTo("[\"rd_intensity\"]");
        assertThat(new BigDecimal(row(ranking, "a").get("score").asString())).isEqualByComparingTo("0");
    }

    @Test
    void theRankingIsReproducibleAndMovesWithTheScheme() {
        JsonNode first = ranking();
        assertThat(ranking()).isEqualTo(first);
        define(Map.of("contract_turnover", 0.2, "rd_intensity", 0.8));
        JsonNode reweighted = ranking();
        assertThat(reweighted.get("inputsHash").asString()).isNotEqualTo(first.get("inputsHash").asString());
        assertThat(new BigDecimal(row(reweighted, "c").get("score").asString())).isEqualByComparingTo("10");
        define(Map.of("contract_turnover", 0.6, "rd_intensity", 0.4));
        assertThat(ranking().get("inputsHash")).isEqualTo(first.get("inputsHash"));
    }

    @Test
    void aZonesSelfEvaluationStandsNextToItsNationalScore() {
        String self = TestHttp.json(Map.of("score", 95, "summary", "成果转化成效显著"));
        String path = "/api/evaluation/" + PERIOD + "/self/" + zones.get("b");
        assertThat(http().put(path, self, "Authorization", TestCallers.bearer("440100", READ, WRITE)).status())
                .as("a member city is not the zone's lead region").isEqualTo(403);
        assertThat(http().put(path, self, "Authorization", TestCallers.bearer("440000", READ, WRITE)).status())
                .isEqualTo(200);
        assertThat(http().put(path, TestHttp.json(Map.of("score", 101)), "Authorization",
                TestCallers.bearer("440000", READ, WRITE)).status()).isEqualTo(400);
        JsonNode row = row(ranking(), "b");
        assertThat(new BigDecimal(row.get("selfEvaluation").get("score").asString())).isEqualByComparingTo("95");
        assertThat(row.get("score").asDouble()).isEqualTo(100.0);
    }

    @Test
    void onlyNationalAdministratorsDefineSchemesAndBadSchemesAre400() {
        String scheme = TestHttp.json(Map.of("period", PERIOD, "weights",
                List.of(Map.of("indicator", "contract_turnover", "weight", 1))));
        assertThat(http().put("/api/evaluation/" + PERIOD + "/scheme", scheme, "Authorization",
                TestCallers.bearer("440000", READ, WRITE)).status()).isEqualTo(403);
        for (String bad : List.of(scheme.replace("contract_turnover", "happiness"), scheme.replace("\"weight\":1",
                "\"weight\":-1"), scheme.replace(PERIOD, "2014"), "{\"period\":\"2015\",\"weights\":[]}")) {
            var response = http().put("/api/evaluation/" + PERIOD + "/scheme", bad, "Authorization", NATIONAL);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(http().get("/api/evaluation/2099/ranking", "Authorization", NATIONAL).status())
                .as("a period without a scheme").isEqualTo(404);
        // Issue 14: one range of periods, also where one is only read.
        assertThat(http().get("/api/evaluation/1999/ranking", "Authorization", NATIONAL).text())
                .contains("\"field\":\"period\"", "2000 to 2100");
    }

    void zone(String key, String province, String city, Map<String, Object> values) {
        String zoneId = http().post("/api/zones", TestHttp.json(Map.of("name", "评估-" + key + "-" + UUID.randomUUID(),
                "regionCode", province, "memberCities", List.of(city))), "Authorization", NATIONAL)
                .json().get("id").asString();
        zones.put(key, zoneId);
        Map<String, Object> report = new LinkedHashMap<>(Map.of("zoneId", zoneId, "regionCode", city, "period", PERIOD,
                "status", "SUBMITTED", "values", values.get("values")));
        String token = TestCallers.bearer(province, READ, WRITE);
        sync(token, Map.of("data", report));
        Map<String, Object> verified = new LinkedHashMap<>(report);
        verified.put("status", "VERIFIED");
        JsonNode answer = sync(token, Map.of("data", verified, "version", 1));
        assertThat(answer.get("counts").get("updated").asInt()).as(answer.toString()).isEqualTo(1);
    }

    static Map<String, Object> report(int turnover, Integer rdPercent) {
        List<Map<String, Object>> values = rdPercent == null
                ? List.of(Map.of("indicator", "contract_turnover", "value", turnover))
                : List.of(Map.of("indicator", "contract_turnover", "value", turnover),
                        Map.of("indicator", "rd_intensity", "numerator", rdPercent, "denominator", 100));
        return Map.of("values", values);
    }

    void define(Map<String, Double> weights) {
        List<Map<String, Object>> list = weights.entrySet().stream()
                .map(entry -> Map.<String, Object>of("indicator", entry.getKey(), "weight", entry.getValue())).toList();
        var response = http().put("/api/evaluation/" + PERIOD + "/scheme", TestHttp.json(Map.of("period", PERIOD,
                "weights", list)), "Authorization", NATIONAL);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    JsonNode ranking() {
        var response = http().get("/api/evaluation/" + PERIOD + "/ranking", "Authorization",
                TestCallers.bearer("320500", READ));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    JsonNode row(JsonNode ranking, String key) {
        for (JsonNode row : ranking.get("rows")) {
            if (row.get("zoneId").asString().equals(zones.get(key))) {
                return row;
            }
        }
        throw new AssertionError("zone " + key + " not ranked");
    }

    JsonNode sync(String token, Map<String, Object> record) {
        return http().post("/api/reports/sync", TestHttp.json(Map.of("records", List.of(record))),
                "Authorization", token, "Idempotency-Key", UUID.randomUUID().toString()).json();
    }
}
