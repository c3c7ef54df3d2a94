package cn.dzn.zone;

import static cn.dzn.platform.identity.Role.READ;
import static cn.dzn.platform.identity.Role.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
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

/** A zone's annual development report and the case collection (seed 004 §七). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportTest extends ZoneServiceTestBase {

    static final String NATIONAL = TestCallers.national();
    static final String ZHEJIANG = TestCallers.bearer("330000", READ, WRITE);
    String zoneId;

    /** 杭州's turnover: 100 in 2013, 150 in 2014 (40 and 30 in its first quarters); a 2014 scheme and case. */
    @BeforeAll
    void aZoneWithTwoYearsOfReports() {
        zoneId = http().post("/api/zones", TestHttp.json(Map.of("name", "浙江年报示范区-" + UUID.randomUUID(),
                "regionCode", "330000", "memberCities", List.of("330100"))), "Authorization", NATIONAL)
                .json().get("id").asString();
        for (var entry : Map.of("2013", 100, "2014", 150, "2014Q1", 40, "2014Q2", 30).entrySet()) {
            verifiedTurnover(entry.getKey(), entry.getValue());
        }
        assertThat(http().put("/api/evaluation/2014/scheme", TestHttp.json(Map.of("period", "2014", "weights",
                List.of(Map.of("indicator", "contract_turnover", "weight", 1)))), "Authorization", NATIONAL).status())
                .isEqualTo(200);
        for (int year : List.of(2013, 2014)) {
            assertThat(http().post("/api/cases", TestHttp.json(Map.of("zoneId", zoneId, "year", year, "title",
                    "案例 " + year, "summary", "高校院所成果在杭州落地转化")), "Authorization", NATIONAL).status())
                    .isEqualTo(201);
        }
    }

    @Test
    void theReportHoldsIndicatorsWithTrendAndQuartersTheRankAndTheYearsCases() {
        JsonNode report = http().get("/api/zones/" + zoneId + "/annual-report/2014", "Authorization", NATIONAL).json();
        JsonNode turnover = report.get("indicators").get(0);
        assertThat(turnover.get("indicator").asString()).isEqualTo("contract_turnover");
        assertThat(new BigDecimal(turnover.get("value").asString())).isEqualByComparingTo("150");
        assertThat(new BigDecimal(turnover.get("previous").asString())).isEqualByComparingTo("100");
        assertThat(new BigDecimal(turnover.get("change").asString())).isEqualByComparingTo("0.5");
        assertThat(turnover.get("quarters").toString()).isEqualTo("{\"Q1\":40,\"Q2\":30}");
        assertThat(report.get("indicators")).hasSize(1);
        assertThat(report.get("standing").get("rank").asInt()).isEqualTo(1);
        assertThat(new BigDecimal(report.get("standing").get("score").asString())).isEqualByComparingTo("100");
        assertThat(report.get("cases")).hasSize(1);
        assertThat(report.get("cases").get(0).get("title").asString()).isEqualTo("案例 2014");
    }

    @Test
    void theReportReadsAsMarkdown() {
        var response = http().get("/api/zones/" + zoneId + "/annual-report/2014", "Authorization", NATIONAL,
                "Accept", "text/markdown");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/markdown");
        assertThat(response.text()).contains("2014年度发展报告").contains("| 技术合同成交额 | 万元 | 150 | 100 | 50.0% | Q1 40 Q2 30 |")
                .contains("全国排名 1 / ").contains("### 案例 2014").doesNotContain("案例 2013");
    }

    @Test
    void onlyNationalAdministratorsCurateCasesAndBadRequestsAre4xx() {
        String study = TestHttp.json(Map.of("zoneId", zoneId, "year", 2014, "title", "t", "summary", "s"));
        assertThat(http().post("/api/cases", study, "Authorization", ZHEJIANG).status()).isEqualTo(403);
        assertThat(http().post("/api/cases", study.replace(zoneId, "zone-nowhere"), "Authorization", NATIONAL)
                .status()).isEqualTo(400);
        assertThat(http().post("/api/cases", "{\"zoneId\": \"" + zoneId + "\", \"year\": 2014}", "Authorization",
                NATIONAL).status()).isEqualTo(400);
        assertThat(http().get("/api/zones/" + zoneId + "/annual-report/1999", "Authorization", NATIONAL).status())
                .isEqualTo(400);
        assertThat(http().get("/api/zones/" + zoneId + "/annual-report/next", "Authorization", NATIONAL).status())
                .isEqualTo(400);
        assertThat(http().get("/api/zones/" + zoneId + "/annual-report/2014", "Authorization",
                TestCallers.bearer("440100", READ)).status()).isEqualTo(404);
    }

    /**
     * Issue 14: the case list had no bound. It is read in keyset pages; a report presents at most
     * 20 cases of its zone and year, and the collection takes no 21st.
     */
    @Test
    void casesAreReadInPagesAndAReportsYearTakesTwentyAtMost() {
        for (int i = 1; i <= 20; i++) {
            assertThat(http().post("/api/cases", TestHttp.json(Map.of("zoneId", zoneId, "year", 2015, "title",
                    "案例 " + i, "summary", "s")), "Authorization", NATIONAL).status()).isEqualTo(201);
        }
        var twentyFirst = http().post("/api/cases", TestHttp.json(Map.of("zoneId", zoneId, "year", 2015, "title",
                "案例 21", "summary", "s")), "Authorization", NATIONAL);
        assertThat(twentyFirst.status()).isEqualTo(400);
        assertThat(twentyFirst.text()).contains("20 cases for 2015");

        List<String> titles = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = http().get("/api/cases?zoneId=" + zoneId + "&year=2015&limit=8"
                    + (after == null ? "" : "&after=" + after), "Authorization", ZHEJIANG).json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(8);
            page.get("items").forEach(study -> titles.add(study.get("title").asString()));
            JsonNode next = page.path("next");
            after = next.isNull() || next.isMissingNode() ? null : next.asString();
        } while (after != null);
        assertThat(titles).hasSize(20).doesNotHaveDuplicates().startsWith("案例 1", "案例 2");
        assertThat(http().get("/api/zones/" + zoneId + "/annual-report/2015", "Authorization", NATIONAL).json()
                .get("cases")).hasSize(20);
        assertThat(http().get("/api/cases?year=1999", "Authorization", ZHEJIANG).status()).isEqualTo(400);
    }

    void verifiedTurnover(String period, int value) {
        Map<String, Object> report = new LinkedHashMap<>(Map.of("zoneId", zoneId, "regionCode", "330100", "period",
                period, "status", "SUBMITTED", "values", List.of(Map.of("indicator", "contract_turnover", "value", value))));
        sync(Map.of("data", report));
        Map<String, Object> verified = new LinkedHashMap<>(report);
        verified.put("status", "VERIFIED");
        JsonNode answer = sync(Map.of("data", verified, "version", 1));
        assertThat(answer.get("counts").get("updated").asInt()).as(answer.toString()).isEqualTo(1);
    }

    JsonNode sync(Map<String, Object> record) {
        return http().post("/api/reports/sync", TestHttp.json(Map.of("records", List.of(record))), "Authorization",
                ZHEJIANG, "Idempotency-Key", UUID.randomUUID().toString()).json();
    }
}
