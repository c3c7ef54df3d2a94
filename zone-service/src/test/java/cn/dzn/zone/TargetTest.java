package cn.dzn.zone;

import static cn.dzn.platform.identity.Role.ADMIN;
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

/** Seed targets, progress toward them at the city and the national tier, and who sets targets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetTest extends ZoneServiceTestBase {

    static final String NATIONAL = TestCallers.national();
    static final String SHENZHEN = TestCallers.bearer("440300", READ, WRITE);

    /** 深圳 reports 600亿元 of turnover for 2020 and the nation verifies it (a 计划单列市). */
    @BeforeAll
    void shenzhenReportsHalfItsTurnoverTarget() {
        String zoneId = http().post("/api/zones", TestHttp.json(Map.of("name", "深圳片区-" + UUID.randomUUID(),
                "regionCode", "440000", "memberCities", List.of("440300"))), "Authorization", NATIONAL)
                .json().get("id").asString();
        Map<String, Object> report = new LinkedHashMap<>(Map.of("zoneId", zoneId, "regionCode", "440300",
                "period", "2020", "status", "DRAFT", "values",
                List.of(Map.of("indicator", "contract_turnover", "value", 6_000_000))));
        String id = zoneId + ".440300.2020";
        assertThat(http().put("/api/reports/" + id, TestHttp.json(report), "Authorization", SHENZHEN).status()).isEqualTo(200);
        http().post("/api/reports/" + id + "/submit", "", "Authorization", SHENZHEN, "If-Match", "\"1\"");
        assertThat(http().post("/api/reports/" + id + "/verify", "", "Authorization", NATIONAL, "If-Match", "\"2\"")
                .status()).isEqualTo(200);
    }

    @Test
    void theSeedsTargetsAreLoadedWithTheirSources() {
        JsonNode shenzhen = http().get("/api/targets?region=440300", "Authorization", SHENZHEN).json().get("items");
        JsonNode turnover = find(shenzhen, "440300.contract_turnover.2020");
        assertThat(new BigDecimal(turnover.get("value").asString())).isEqualByComparingTo("12000000");
        assertThat(turnover.get("source").asString()).contains("seed 002").contains("1200亿元");
        assertThat(find(shenzhen, "440300.transfer_institutions.2020").get("maxValue").asInt()).isEqualTo(8);
        assertThat(find(shenzhen, "440300.maker_spaces.2020").get("kind").asString()).isEqualTo("INCREMENT");
        assertThat(http().get("/api/targets", "Authorization", SHENZHEN).json().get("items").size())
                .isGreaterThanOrEqualTo(10);
    }

    /** Issue 14: the list of targets had no bound; it is read in keyset pages, as every list of the API. */
    @Test
    void targetsAreReadInKeysetPages() {
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = http().get("/api/targets?limit=3" + (after == null ? "" : "&after=" + after),
                    "Authorization", SHENZHEN).json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(3);
            page.get("items").forEach(target -> seen.add(target.get("id").asString()));
            JsonNode next = page.path("next");
            after = next.isNull() || next.isMissingNode() ? null : next.asString();
        } while (after != null);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(10).doesNotHaveDuplicates().isSorted()
                .contains("440300.contract_turnover.2020");
        assertThat(http().get("/api/targets?region=4403", "Authorization", SHENZHEN).status()).isEqualTo(400);
        assertThat(http().get("/api/targets?limit=501", "Authorization", SHENZHEN).status()).isEqualTo(400);
    }

    @Test
    void progressIsTheVerifiedActualOverTheTargetAtTheCityAndTheNationalTier() {
        JsonNode city = progress("440300.contract_turnover.2020", SHENZHEN);
        assertThat(new BigDecimal(city.get("actual").asString())).isEqualByComparingTo("6000000");
        assertThat(new BigDecimal(city.get("ratio").asString())).isEqualByComparingTo("0.5");

        JsonNode nation = progress("000000.contract_turnover.2020", NATIONAL);
        assertThat(new BigDecimal(nation.get("ratio").asString())).isEqualByComparingTo("0.03");
        assertThat(http().get("/api/targets/000000.contract_turnover.2020/progress", "Authorization", SHENZHEN)
                .status()).as("the national figure lies outside a city's view").isEqualTo(403);
    }

    @Test
    void aGrowthTargetWithoutABaselineSaysWhyItHasNoRatio() {
        JsonNode growth = progress("440100.transfer_institutions.2020", TestCallers.bearer("440100", READ));
        assertThat(growth.get("ratio").isNull()).isTrue();
        assertThat(growth.get("reason").asString()).contains("baseline");
    }

    @Test
    void anAdministratorSetsTargetsInsideItsRegionOnly() {
        String guangzhouAdmin = TestCallers.bearer("440100", READ, WRITE, ADMIN);
        String target = TestHttp.json(Map.of("regionCode", "440100", "indicator", "contract_count", "year", 2021,
                "kind", "LEVEL", "value", 3000));
        assertThat(http().put("/api/targets/440100.contract_count.2021", target, "Authorization", guangzhouAdmin)
                .status()).isEqualTo(200);
        assertThat(http().get("/api/targets/440100.contract_count.2021", "Authorization", SHENZHEN).json()
                .get("value").asInt()).isEqualTo(3000);
        assertThat(http().put("/api/targets/440100.contract_count.2021", target, "Authorization",
                TestCallers.bearer("440100", READ, WRITE)).status()).isEqualTo(403);
        String shenzhenTarget = target.replace("440100", "440300");
        assertThat(http().put("/api/targets/440300.contract_count.2021", shenzhenTarget, "Authorization",
                guangzhouAdmin).status()).isEqualTo(403);
        for (String[] bad : List.of(new String[] {"440100.contract_count.2022", target},
                new String[] {"440100.happiness.2021", target.replace("contract_count", "happiness")},
                new String[] {"440100.contract_count.2021", TestHttp.json(Map.of("regionCode", "440100",
                        "indicator", "contract_count", "year", 2021, "kind", "LEVEL", "value", 3000, "maxValue", 10))},
                new String[] {"440100.contract_count.2021", target.replace("\"LEVEL\"", "\"SOME\"")})) {
            var response = http().put("/api/targets/" + bad[0], bad[1], "Authorization", guangzhouAdmin);
            assertThat(response.status()).as(bad[1]).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    JsonNode progress(String id, String token) {
        var response = http().get("/api/targets/" + id + "/progress", "Authorization", token);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static JsonNode find(JsonNode targets, String id) {
        for (JsonNode target : targets) {
            if (target.get("id").asString().equals(id)) {
                return target;
            }
        }
        throw new AssertionError("no target " + id + " in " + targets);
    }
}
