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

/** The technology-trading index (seed 002 §11): base period 100, matched cities, verified reports only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TradingIndexTest extends ZoneServiceTestBase {

    static final String SICHUAN = TestCallers.bearer("510000", READ, WRITE);
    String zoneId;

    @BeforeAll
    void turnoverOverThreeQuarters() {
        zoneId = http().post("/api/zones", TestHttp.json(Map.of("name", "成德绵-" + UUID.randomUUID(), "regionCode",
                "510000", "memberCities", List.of("510100", "510600", "510700"))), "Authorization",
                TestCallers.national()).json().get("id").asString();
        verified(List.of(report("510100", "2016Q1", 100), report("510600", "2016Q1", 300),
                report("510100", "2016Q2", 150), report("510600", "2016Q2", 300), report("510700", "2016Q2", 1000),
                report("510100", "2016Q3", 200)));
        // Submitted but not verified: it must not count.
        sync(List.of(Map.of("data", report("510600", "2016Q3", 5000))));
    }

    @Test
    void theIndexIsTurnoverOverTheBasePeriodsForTheCitiesReportingBoth() {
        JsonNode index = index("base=2016Q1&periods=2016Q1,2016Q2,2016Q3&region=510000");
        JsonNode points = index.get("points");
        assertThat(decimal(points.get(0).get("index"))).isEqualByComparingTo("100");
        // (150 + 300) / (100 + 300): 绵阳 510700 did not report in the base period.
        assertThat(decimal(points.get(1).get("index"))).isEqualByComparingTo("112.5");
        assertThat(points.get(1).get("cities").toString()).isEqualTo("[\"510100\",\"510600\"]");
        // Only 成都 has a verified report in 2016Q3.
        assertThat(decimal(points.get(2).get("index"))).isEqualByComparingTo("200");
    }

    @Test
    void badParametersAre400AndOtherRegionsAre403() {
        for (String query : List.of("base=2016Q5&periods=2016Q1", "base=2016Q1&periods=", "base=2016Q1&periods=x",
                "base=2016Q1&periods=2016Q1&region=5100")) {
            var response = http().get("/api/reports/trading-index?" + query, "Authorization", SICHUAN);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(http().get("/api/reports/trading-index?base=2016Q1&periods=2016Q1&region=440000",
                "Authorization", SICHUAN).status()).isEqualTo(403);
    }

    Map<String, Object> report(String city, String period, int turnover) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("zoneId", zoneId);
        report.put("regionCode", city);
        report.put("period", period);
        report.put("status", "SUBMITTED");
        report.put("values", List.of(Map.of("indicator", "contract_turnover", "value", turnover)));
        return report;
    }

    void verified(List<Map<String, Object>> reports) {
        sync(reports.stream().map(report -> Map.<String, Object>of("data", report)).toList());
        JsonNode answer = sync(reports.stream().map(report -> {
            Map<String, Object> verified = new LinkedHashMap<>(report);
            verified.put("status", "VERIFIED");
            return Map.<String, Object>of("data", verified, "version", 1);
        }).toList());
        assertThat(answer.get("counts").get("updated").asInt()).as(answer.toString()).isEqualTo(reports.size());
    }

    JsonNode sync(List<Map<String, Object>> records) {
        return http().post("/api/reports/sync", TestHttp.json(Map.of("records", records)), "Authorization", SICHUAN,
                "Idempotency-Key", UUID.randomUUID().toString()).json();
    }

    JsonNode index(String query) {
        var response = http().get("/api/reports/trading-index?" + query, "Authorization", SICHUAN);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asString());
    }
}
