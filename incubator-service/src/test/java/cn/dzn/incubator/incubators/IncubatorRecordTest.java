package cn.dzn.incubator.incubators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.dzn.incubator.IncubatorTestBase;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * Incubators as full records at {@code /api/incubators} (issue 17, item 1): a bureau reads and keeps
 * its region's, levels are recognised by their tier, the national thresholds are judged item by
 * item, and the overview's figures count by kind and level.
 */
class IncubatorRecordTest extends IncubatorTestBase {

    private static final String TIANHE = TestCallers.bearer("440106", Role.READ, Role.WRITE);

    private Map<String, Object> makerSpace(String name, String region) {
        return incubatorData(name + " " + scope, region, "MAKER_SPACE",
                "legalEntity", Map.of("name", "天河众创运营有限公司", "creditCode", "91440106MA5EXAMP09"),
                "operatingSince", "2020-03-01", "areaSqm", 800, "workstations", 120, "mentors", 6,
                "servicesOffered", List.of("MENTORING", "FINANCING", "SHARED_FACILITIES"), "residentTeams", 25,
                "firmsFoundedLastYear", 11, "teamsFinancedLastYear", 2, "eventsLastYear", 15);
    }

    @Test
    void aBureauKeepsTheFullRecordOfItsRegionAndNoOtherSeesIt() {
        String id = incubator(GUANGZHOU, makerSpace("天河众创", "440106"));
        String path = "/api/incubators/" + id;

        Response read = read(path, TIANHE);
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        JsonNode record = read.json();
        assertThat(record.path("legalEntity").path("creditCode").asString()).isEqualTo("91440106MA5EXAMP09");
        assertThat(record.path("operatingSince").asString()).isEqualTo("2020-03-01");
        assertThat(record.path("servicesOffered").size()).isEqualTo(3);
        assertThat(record.path("workstations").asInt()).isEqualTo(120);
        assertThat(record.path("level").isNull() || record.path("level").isMissingNode()).isTrue();
        assertThat(read.header("ETag")).isEqualTo("\"1\"");

        Map<String, Object> changed = new LinkedHashMap<>(makerSpace("天河众创", "440106"));
        changed.put("residentTeams", 30);
        changed.put("level", "MUNICIPAL");
        Response updated = put(path, changed, GUANGZHOU);
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.json().path("residentTeams").asInt()).isEqualTo(30);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");

        assertThat(ids(read("/api/incubators?kind=MAKER_SPACE&limit=500", GUANGZHOU))).contains(id);
        assertThat(ids(read("/api/incubators?level=MUNICIPAL&limit=500", GUANGDONG))).contains(id);
        assertThat(ids(read("/api/incubators?kind=INCUBATOR&limit=500", GUANGZHOU))).doesNotContain(id);
        // Another city, a neighbouring district: the record does not exist for them.
        assertProblem(read(path, SHENZHEN), 404);
        assertProblem(read(path, TestCallers.bearer("440104", Role.READ, Role.WRITE)), 404);
        assertProblem(read(path + "/assessment", SHENZHEN), 404);
        assertThat(ids(read("/api/incubators?limit=500", SHENZHEN))).doesNotContain(id);
        assertProblem(put(path, changed, SHENZHEN), 404);
        // A read-only key of the region reads but does not write, before its body is looked at.
        assertThat(read(path, GUANGZHOU_READ_ONLY).status()).isEqualTo(200);
        assertProblem(http.put(path, "{\"not\": \"read\"}", "Authorization", GUANGZHOU_READ_ONLY, "If-Match", "\"2\""),
                403);
        assertProblem(http.put(path, TestHttp.json(changed), "Authorization", GUANGZHOU, "If-Match", "\"1\""), 409);
        assertThat(stored("incubators", id).getLong("version")).isEqualTo(2);
    }

    @Test
    void badInputIsA400NamingTheFieldAndStoresNothing() {
        long before = collection("incubators").countDocuments();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(body("tenantAreaSqm", 900), "tenantAreaSqm");
        cases.put(body("areaSqm", -1), "areaSqm");
        cases.put(body("areaSqm", 10_000_001), "areaSqm");
        cases.put(body("workstations", 1_000_001), "workstations");
        cases.put(body("seedFundWan", -5), "seedFundWan");
        cases.put(body("mentors", -1), "mentors");
        cases.put(body("statisticsYears", 101), "statisticsYears");
        cases.put(body("level", "PROVINCIAL").replace("\"MAKER_SPACE\"", "\"OVERSEAS_INCUBATOR\"")
                .replace("\"regionCode\"", "\"hostCountry\": \"SG\", \"regionCode\""), "level");
        cases.put(body("servicesOffered", List.of("MENTORING", "MENTORING")), "servicesOffered");
        cases.put(body("servicesOffered", List.of("MENTORING", "FINANCING", "SHARED_FACILITIES", "MARKETING",
                "TECHNOLOGY_TRANSFER", "INTELLECTUAL_PROPERTY", "TRAINING", "PROFESSIONAL_SERVICES", "INTERNATIONAL",
                "MENTORING")), "servicesOffered");
        cases.put(body("hostCity", "Singapore"), "hostCity");
        cases.put(body("closedOn", "2019-01-01"), "closedOn");
        cases.put(body("operatingSince", LocalDate.now().plusDays(2).toString()), "operatingSince");
        cases.put(body("legalEntity", Map.of("name", "某公司", "creditCode", "91440106MA5EXAMPIO")),
                "legalEntity.creditCode");
        cases.put(body("legalEntity", Map.of("name", " ", "creditCode", "91440106MA5EXAMP09")), "legalEntity.name");
        cases.put(body("name", "名".repeat(201)), "name");
        cases.put(body("note", "长".repeat(2001)), "note");
        cases.put(body("regionCode", "999999"), "regionCode");
        // Found by the strict binder: a clear detail rather than a field list.
        cases.put(body("areaSqm", "1000"), "");
        cases.put(body("areaSqm", 1000.5), "");
        cases.put(body("level", "GALACTIC"), "");
        cases.put(body("servicesOffered", List.of("SPA")), "");
        cases.put(body("sample", true), "");
        cases.put(body("name", Map.of("$gt", "")), "");
        cases.put("{\"name\": ", "");
        cases.put("[]", "");
        cases.forEach((bad, field) -> {
            JsonNode problem = assertProblem(http.post("/api/incubators", bad, "Authorization", GUANGZHOU), 400);
            if (!field.isEmpty()) {
                assertThat(fields(problem)).as(bad).contains(field);
            }
        });
        assertThat(collection("incubators").countDocuments()).isEqualTo(before);
    }

    private String body(String field, Object value) {
        Map<String, Object> data = new LinkedHashMap<>(makerSpace("坏输入", "440106"));
        data.put(field, value);
        return TestHttp.json(data);
    }

    @Test
    void aLevelIsRecognisedOrWithdrawnByItsTierOrOneAbove() {
        for (String level : List.of("NATIONAL", "PROVINCIAL")) {
            JsonNode refused = assertProblem(http.post("/api/incubators", TestHttp.json(incubatorData("越级" + level
                    + scope, "440106", "INCUBATOR", "level", level)), "Authorization", GUANGZHOU), 400);
            assertThat(fields(refused)).containsExactly("level");
        }
        assertProblem(http.post("/api/incubators", TestHttp.json(incubatorData("区级认定" + scope, "440106",
                "INCUBATOR", "level", "MUNICIPAL")), "Authorization", TIANHE), 400);
        String id = incubator(GUANGZHOU, incubatorData("市级" + scope, "440106", "INCUBATOR", "level", "MUNICIPAL"));
        String path = "/api/incubators/" + id;

        JsonNode promoted = assertProblem(put(path, incubatorData("市级" + scope, "440106", "INCUBATOR", "level",
                "PROVINCIAL"), GUANGZHOU), 409);
        assertThat(promoted.path("detail").asString()).contains("PROVINCIAL");
        assertThat(put(path, incubatorData("市级" + scope, "440106", "INCUBATOR", "level", "PROVINCIAL"), GUANGDONG)
                .status()).isEqualTo(200);
        // The city can no longer withdraw it either.
        assertProblem(put(path, incubatorData("市级" + scope, "440106", "INCUBATOR"), GUANGZHOU), 409);
        assertProblem(http.send("DELETE", path, null, "Authorization", GUANGZHOU, "If-Match", "\"2\""), 409);
        assertThat(put(path, incubatorData("市级" + scope, "440106", "INCUBATOR", "level", "NATIONAL"), NATIONAL)
                .status()).isEqualTo(200);
        assertThat(stored("incubators", id).getString("level")).isEqualTo("NATIONAL");
        // Unchanged content is always fine, whoever sends it (the level stays as it is).
        Response same = put(path, incubatorData("市级" + scope, "440106", "INCUBATOR", "level", "NATIONAL"),
                GUANGZHOU);
        assertThat(same.status()).as(same.text()).isEqualTo(200);
        assertThat(same.header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void theAssessmentShowsEachNationalThresholdMetOrNotForABureauDecidingAPromotion() {
        String strong = incubator(GUANGZHOU, incubatorData("强孵化器" + scope, "440106", "INCUBATOR",
                "operatingSince", "2015-01-01", "areaSqm", 12_000, "tenantAreaSqm", 9_600, "statisticsYears", 4,
                "seedFundWan", 600));
        String weak = incubator(GUANGZHOU, incubatorData("弱孵化器" + scope, "440106", "INCUBATOR",
                "operatingSince", "2025-01-01", "areaSqm", 3_000, "seedFundWan", 100));
        String overseas = incubator(GUANGZHOU, incubatorData("海外" + scope, "440100", "OVERSEAS_INCUBATOR",
                "hostCountry", "DE", "hostCity", "Berlin"));

        JsonNode met = read("/api/incubators/" + strong + "/assessment", GUANGZHOU).json();
        assertThat(met.path("standard").asString()).isEqualTo("NATIONAL_INCUBATOR");
        assertThat(met.path("allMet").asBoolean()).isTrue();
        assertThat(met.path("criteria").size()).isEqualTo(5);
        met.path("criteria").forEach(c -> assertThat(c.path("result").asString()).as(c.toString()).isEqualTo("MET"));
        assertThat(met.path("source").asString()).contains("DOMAIN.md");

        JsonNode notMet = read("/api/incubators/" + weak + "/assessment", GUANGDONG).json();
        assertThat(notMet.path("allMet").asBoolean()).isFalse();
        Map<String, String> results = new LinkedHashMap<>();
        notMet.path("criteria").forEach(c -> results.put(c.path("criterion").asString(), c.path("result").asString()));
        assertThat(results).containsEntry("space", "NOT_MET").containsEntry("operatingTime", "NOT_MET")
                .containsEntry("statistics", "NOT_REPORTED").containsEntry("seedFund", "NOT_MET")
                .containsEntry("tenantShare", "NOT_REPORTED");
        JsonNode space = notMet.path("criteria").get(0).path("measures").get(0);
        assertThat(space.path("value").asInt()).isEqualTo(3_000);
        assertThat(space.path("threshold").asInt()).isEqualTo(10_000);

        JsonNode none = read("/api/incubators/" + overseas + "/assessment", GUANGZHOU).json();
        assertThat(none.path("standard").isNull()).isTrue();
        assertThat(none.path("criteria").size()).isZero();
        assertProblem(read("/api/incubators/" + strong + "/assessment", SHENZHEN), 404);
        assertProblem(read("/api/incubators/no-such-incubator/assessment", GUANGZHOU), 404);
        assertProblem(read("/api/incubators/" + "x".repeat(65) + "/assessment", GUANGZHOU), 400);
    }

    @Test
    void closingIsRecordedOnceWithItsDay() {
        String id = incubator(GUANGZHOU, incubatorData("将关闭" + scope, "440106", "INCUBATOR",
                "operatingSince", "2020-01-01"));
        String path = "/api/incubators/" + id;

        assertProblem(transition(path, "close", "{}", GUANGZHOU), 400);
        assertProblem(transition(path, "close", "{\"on\": \"2019-12-31\"}", GUANGZHOU), 400);
        assertProblem(transition(path, "close", "{\"on\": \"" + LocalDate.now().plusDays(2) + "\"}", GUANGZHOU), 400);
        assertProblem(transition(path, "close", "{\"on\": 20250101}", GUANGZHOU), 400);
        assertProblem(transition(path, "close", "{\"on\": \"2025-01-01\"}", GUANGZHOU_READ_ONLY), 403);
        assertProblem(transition(path, "close", "{\"on\": \"2025-01-01\"}", SHENZHEN), 404);
        assertThat(stored("incubators", id).get("closedOn")).isNull();

        Response closed = transition(path, "close", "{\"on\": \"2025-01-01\"}", GUANGZHOU);
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json().path("closedOn").asString()).isEqualTo("2025-01-01");
        JsonNode again = assertProblem(transition(path, "close", "{\"on\": \"2025-02-01\"}", GUANGZHOU), 409);
        assertThat(again.path("detail").asString()).contains("2025-01-01");
    }

    @Test
    void theOverviewCountsIncubatorsByKindAndLevel() {
        JsonNode before = figures("440100");
        incubator(GUANGZHOU, incubatorData("市级众创" + scope, "440106", "MAKER_SPACE", "level", "MUNICIPAL"));
        incubator(GUANGDONG, incubatorData("省级孵化器" + scope, "440106", "INCUBATOR", "level", "PROVINCIAL"));
        String closing = incubator(GUANGZHOU, incubatorData("无级别孵化器" + scope, "440100", "INCUBATOR"));
        incubator(GUANGZHOU, incubatorData("海外" + scope, "440100", "OVERSEAS_INCUBATOR", "hostCountry", "JP"));
        incubator(SHENZHEN, incubatorData("深圳众创" + scope, "440305", "MAKER_SPACE", "level", "MUNICIPAL"));
        assertThat(transition("/api/incubators/" + closing, "close", "{\"on\": \"2025-01-01\"}", GUANGZHOU).status())
                .isEqualTo(200);

        JsonNode after = figures("440100");
        Map<String, Integer> expected = Map.ofEntries(Map.entry("incubators", 4), Map.entry("makerSpaces", 1),
                Map.entry("businessIncubators", 2), Map.entry("overseasIncubators", 1),
                Map.entry("municipalLevel", 1), Map.entry("provincialLevel", 1), Map.entry("nationalLevel", 0),
                Map.entry("makerSpacesMunicipal", 1), Map.entry("businessIncubatorsProvincial", 1),
                Map.entry("businessIncubatorsMunicipal", 0), Map.entry("closedIncubators", 1),
                Map.entry("newMakerSpacesShenzhen", 0));
        expected.forEach((figure, delta) -> assertThat(after.path(figure).asLong() - before.path(figure).asLong())
                .as(figure).isEqualTo((long) delta));
    }

    @Test
    void progressTowardShenzhens200NewMakerSpacesCountsThoseOpenedSinceThePlan() {
        JsonNode before = read("/api/incubators/targets/shenzhen-maker-spaces", GUANGZHOU_READ_ONLY).json();
        assertThat(before.path("target").asInt()).isEqualTo(200);
        assertThat(before.path("since").asString()).isEqualTo("2016-10-05");
        assertThat(before.path("deadline").asString()).isEqualTo("2020-12-31");
        assertThat(before.path("source").asString()).contains("seed 002", "§18");
        assertThat(before.path("counted").asLong()).as("sample maker spaces since the plan").isPositive();
        long shenzhenFigure = figures("440300").path("newMakerSpacesShenzhen").asLong();
        assertThat(shenzhenFigure).isEqualTo(before.path("counted").asLong());

        incubator(SHENZHEN, incubatorData("南山新众创" + scope, "440305", "MAKER_SPACE", "operatingSince", "2019-06-01"));
        incubator(SHENZHEN, incubatorData("南山新众创二" + scope, "440305", "MAKER_SPACE", "operatingSince", "2023-06-01"));
        incubator(SHENZHEN, incubatorData("南山老众创" + scope, "440305", "MAKER_SPACE", "operatingSince", "2016-10-04"));
        incubator(SHENZHEN, incubatorData("南山孵化器" + scope, "440305", "INCUBATOR", "operatingSince", "2019-06-01"));
        incubator(SHENZHEN, incubatorData("南山无日期众创" + scope, "440305", "MAKER_SPACE"));
        incubator(GUANGZHOU, incubatorData("广州新众创" + scope, "440106", "MAKER_SPACE", "operatingSince", "2019-06-01"));
        String closed = incubator(SHENZHEN, incubatorData("南山已关众创" + scope, "440305", "MAKER_SPACE",
                "operatingSince", "2019-06-01"));
        assertThat(transition("/api/incubators/" + closed, "close", "{\"on\": \"2024-01-01\"}", SHENZHEN).status())
                .isEqualTo(200);

        JsonNode after = read("/api/incubators/targets/shenzhen-maker-spaces", SHENZHEN).json();
        assertThat(after.path("counted").asLong()).isEqualTo(before.path("counted").asLong() + 2);
        assertThat(after.path("byDeadline").asLong()).isEqualTo(before.path("byDeadline").asLong() + 1);
        assertThat(after.path("remaining").asLong()).isEqualTo(Math.max(0, 200 - after.path("counted").asLong()));
        assertThat(figures("440300").path("newMakerSpacesShenzhen").asLong()).isEqualTo(shenzhenFigure + 2);
        assertThat(figures("440100").path("newMakerSpacesShenzhen").asLong()).isZero();
    }
}
