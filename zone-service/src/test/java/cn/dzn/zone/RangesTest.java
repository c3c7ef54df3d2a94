package cn.dzn.zone;

import static cn.dzn.platform.identity.Role.READ;
import static cn.dzn.platform.identity.Role.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;

/** One range per concept, checked everywhere it is accepted (issue 14, finding 5). */
class RangesTest extends ZoneServiceTestBase {

    static final String NATIONAL = TestCallers.national();
    static final String GUANGZHOU = TestCallers.bearer("440100", READ, WRITE);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0000", "0001", "1899", "1999", "2101", "9999", "1999Q4"})
    void periodsOutsideTheYears2000To2100AreRefusedEverywhere(String period) {
        String zoneId = http().post("/api/zones", TestHttp.json(Map.of("name", "范围-" + UUID.randomUUID(),
                "regionCode", "440100", "memberCities", List.of("440100"))), "Authorization", NATIONAL)
                .json().path("id").asString();

        Response report = http().put("/api/reports/" + zoneId + ".440100." + period, TestHttp.json(Map.of(
                "zoneId", zoneId, "regionCode", "440100", "period", period, "status", "DRAFT",
                "values", List.of(Map.of("indicator", "contract_turnover", "value", 1)))), "Authorization", GUANGZHOU);
        Response list = http().put("/api/lists/" + zoneId + ".DEMAND." + period, TestHttp.json(Map.of(
                "zoneId", zoneId, "regionCode", "440100", "kind", "DEMAND", "period", period,
                "items", List.of(Map.of("industry", "新材料", "description", "x", "contactOrg", "y")))),
                "Authorization", GUANGZHOU);
        Response rollup = http().get("/api/reports/rollup?indicator=contract_turnover&period=" + period,
                "Authorization", NATIONAL);
        Response index = http().get("/api/reports/trading-index?base=" + period + "&periods=2024",
                "Authorization", NATIONAL);

        for (Response response : List.of(report, list, rollup, index)) {
            assertThat(response.status()).as(response.text()).isEqualTo(400);
            assertThat(response.text()).contains("2000 to 2100");
        }
        assertThat(http().get("/api/reports?zoneId=" + zoneId, "Authorization", NATIONAL).json().path("items"))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e309", "100.5", "0.0000001", "0"})
    void evaluationWeightsOutsideTheirRangeAreRefused(String weight) {
        String scheme = "{\"period\": \"2011\", \"weights\": [{\"indicator\": \"contract_turnover\", \"weight\": "
                + weight + "}]}";
        Response response = http().put("/api/evaluation/2011/scheme", scheme, "Authorization", NATIONAL);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.text()).contains("weight");
        assertThat(http().get("/api/evaluation/2011/scheme", "Authorization", NATIONAL).status()).isEqualTo(404);
    }

    @Test
    void yearsOfEveryOtherKindShareTheRange() {
        Response zone = http().post("/api/zones", TestHttp.json(Map.of("name", "x", "regionCode", "440100",
                "memberCities", List.of("440100"), "buildPeriod", Map.of("fromYear", 2018, "toYear", 2101))),
                "Authorization", NATIONAL);
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.text()).contains("buildPeriod.toYear", "2000 to 2100");
    }
}
