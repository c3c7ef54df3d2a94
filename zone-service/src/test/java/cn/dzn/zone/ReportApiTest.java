package cn.dzn.zone;

import static cn.dzn.platform.identity.Role.READ;
import static cn.dzn.platform.identity.Role.RELAY;
import static cn.dzn.platform.identity.Role.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/** Indicator reports: scope, the state machine, validation, sync on the natural key, paging. */
class ReportApiTest extends ZoneServiceTestBase {

    static final String NATIONAL = TestCallers.national();
    static final String GUANGDONG = TestCallers.bearer("440000", READ, WRITE);
    static final String GUANGZHOU = TestCallers.bearer("440100", READ, WRITE);
    static final String SHENZHEN = TestCallers.bearer("440300", READ, WRITE);

    @Autowired
    MongoDatabase database;

    String zoneId;

    @BeforeEach
    void aZoneOfGuangzhouAndShenzhen() {
        zoneId = http().post("/api/zones", TestHttp.json(Map.of("name", "珠三角-" + UUID.randomUUID(),
                "regionCode", "440000", "memberCities", List.of("440100", "440300"))), "Authorization", NATIONAL)
                .json().get("id").asString();
    }

    static Map<String, Object> report(String zoneId, String city, String period, Object... values) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("zoneId", zoneId);
        report.put("regionCode", city);
        report.put("period", period);
        report.put("status", "DRAFT");
        report.put("values", List.of(values));
        return report;
    }

    static Map<String, Object> turnover(double value) {
        return Map.of("indicator", "contract_turnover", "value", value, "unit", "万元");
    }

    String id(String city, String period) {
        return zoneId + "." + city + "." + period;
    }

    Response put(String token, String city, String period, Map<String, Object> body, String... ifMatch) {
        List<String> headers = new ArrayList<>(List.of("Authorization", token));
        if (ifMatch.length > 0) {
            headers.addAll(List.of("If-Match", ifMatch[0]));
        }
        return http().put("/api/reports/" + id(city, period), TestHttp.json(body), headers.toArray(String[]::new));
    }

    Response move(String token, String id, String action, String version, String body) {
        return http().post("/api/reports/" + id + "/" + action, body, "Authorization", token, "If-Match", version);
    }

    @Test
    void aCityReportsAndSubmitsAndOnlyItsProvinceVerifies() {
        Response drafted = put(GUANGZHOU, "440100", "2025Q2", report(zoneId, "440100", "2025Q2", turnover(1200.5),
                Map.of("indicator", "rd_intensity", "numerator", 31.2, "denominator", 1000)));
        assertThat(drafted.status()).as(drafted.text()).isEqualTo(200);
        assertThat(drafted.json().get("status").asString()).isEqualTo("DRAFT");
        String id = id("440100", "2025Q2");

        assertThat(move(GUANGZHOU, id, "submit", "\"1\"", "").json().get("status").asString()).isEqualTo("SUBMITTED");
        Response selfVerified = move(GUANGZHOU, id, "verify", "\"2\"", "");
        assertThat(selfVerified.status()).isEqualTo(403);
        assertThat(move(NATIONAL, id, "verify", "\"2\"", "").status()).as("not the tier above Guangzhou").isEqualTo(403);
        Response edited = put(GUANGZHOU, "440100", "2025Q2", report(zoneId, "440100", "2025Q2", turnover(1)), "\"2\"");
        assertThat(edited.status()).isEqualTo(409);

        Response verified = move(GUANGDONG, id, "verify", "\"2\"", "");
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        assertThat(verified.json().get("status").asString()).isEqualTo("VERIFIED");
        assertThat(verified.json().get("values").get(0).get("value").asDouble()).isEqualTo(1200.5);
        assertThat(move(GUANGDONG, id, "return", "\"3\"", "{\"reason\": \"复核\"}").status()).isEqualTo(409);
        Response noReason = http().post("/api/reports/" + id + "/return", null, "Authorization", GUANGDONG,
                "If-Match", "\"3\"");
        assertThat(noReason.status()).as(noReason.text()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aReturnedReportIsEditedAndSubmittedAgain() {
        String id = id("440100", "2025Q1");
        put(GUANGZHOU, "440100", "2025Q1", report(zoneId, "440100", "2025Q1", turnover(10)));
        move(GUANGZHOU, id, "submit", "\"1\"", "");
        Response returned = move(GUANGDONG, id, "return", "\"2\"", "{\"reason\": \"成交额与登记数据不符\"}");
        assertThat(returned.json().get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.json().get("returnReason").asString()).isEqualTo("成交额与登记数据不符");

        Response corrected = put(GUANGZHOU, "440100", "2025Q1", report(zoneId, "440100", "2025Q1", turnover(12)), "\"3\"");
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        assertThat(corrected.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(move(GUANGZHOU, id, "submit", "\"4\"", "").json().get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void theNationVerifiesASeparatelyPlannedCityDirectly() {
        String id = id("440300", "2024");
        put(SHENZHEN, "440300", "2024", report(zoneId, "440300", "2024", turnover(99)));
        move(SHENZHEN, id, "submit", "\"1\"", "");
        Response verified = move(NATIONAL, id, "verify", "\"2\"", "");
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
    }

    @Test
    void aCityCannotReportForAnotherCitysPart() {
        Response foreign = put(SHENZHEN, "440100", "2025Q2", report(zoneId, "440100", "2025Q2", turnover(5)));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(reports()).isZero();

        Response synced = sync(SHENZHEN, List.of(Map.of("data", report(zoneId, "440100", "2025Q2", turnover(5)))));
        assertThat(synced.json().get("results").get(0).get("outcome").asString()).isEqualTo("rejected");
        assertThat(reports()).isZero();
        // The province reports for its city.
        assertThat(put(GUANGDONG, "440100", "2025Q2", report(zoneId, "440100", "2025Q2", turnover(5))).status())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown indicator  | 440100 | 2025Q1 | {"indicator": "happiness", "value": 1}                                    | values[0].indicator
        wrong unit         | 440100 | 2025Q1 | {"indicator": "contract_turnover", "value": 1, "unit": "亿元"}             | values[0].unit
        value as a string  | 440100 | 2025Q1 | {"indicator": "contract_turnover", "value": "1"}                          | values[0].value
        negative           | 440100 | 2025Q1 | {"indicator": "contract_turnover", "value": -1}                           | values[0].value
        ratio as a value   | 440100 | 2025Q1 | {"indicator": "rd_intensity", "value": 2.5}                               | values[0].value
        ratio without base | 440100 | 2025Q1 | {"indicator": "rd_intensity", "numerator": 3}                             | values[0].denominator
        zero denominator   | 440100 | 2025Q1 | {"indicator": "rd_intensity", "numerator": 3, "denominator": 0}           | values[0].denominator
        sum without value  | 440100 | 2025Q1 | {"indicator": "contract_count"}                                           | values[0].value
        quarter five       | 440100 | 2025Q5 | {"indicator": "contract_count", "value": 1}                               | period
        future year        | 440100 | 2999   | {"indicator": "contract_count", "value": 1}                               | period
        not a member       | 440600 | 2025Q1 | {"indicator": "contract_count", "value": 1}                               | regionCode
        """)
    void badReportsAre400AndWriteNothing(String what, String city, String period, String value, String field) {
        String body = "{\"zoneId\": \"" + zoneId + "\", \"regionCode\": \"" + city + "\", \"period\": \"" + period
                + "\", \"status\": \"DRAFT\", \"values\": [" + value + "]}";
        Response response = http().put("/api/reports/" + id(city, period), body, "Authorization", GUANGDONG);
        assertThat(response.status()).as(what + ": " + response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text()).as(what).contains(field).doesNotContain("Exception");
        assertThat(reports()).isZero();
    }

    @Test
    void anUnknownZoneAnIdOtherThanTheNaturalKeyAndARepeatedIndicatorAre400() {
        Map<String, Object> unknownZone = report("zone-nowhere", "440100", "2025Q1", turnover(1));
        assertThat(http().put("/api/reports/zone-nowhere.440100.2025Q1", TestHttp.json(unknownZone),
                "Authorization", GUANGZHOU).text()).contains("zoneId");
        Map<String, Object> body = report(zoneId, "440100", "2025Q1", turnover(1));
        assertThat(http().put("/api/reports/" + id("440100", "2025Q2"), TestHttp.json(body), "Authorization", GUANGZHOU)
                .status()).isEqualTo(400);
        Response twice = put(GUANGZHOU, "440100", "2025Q1", report(zoneId, "440100", "2025Q1", turnover(1), turnover(2)));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.text()).contains("values[1].indicator");
        assertThat(reports()).isZero();
    }

    @Test
    void syncTakesTheNaturalKeyAndRefusesAnotherId() {
        Map<String, Object> unnamed = new LinkedHashMap<>(Map.of("data", report(zoneId, "440100", "2024Q4", turnover(7))));
        Map<String, Object> misnamed = Map.of("id", "something-else", "data", report(zoneId, "440100", "2024Q3",
                turnover(8)));
        String key = UUID.randomUUID().toString();
        Response first = sync(GUANGZHOU, List.of(unnamed, misnamed), key);
        JsonNode results = first.json().get("results");
        assertThat(results.get(0).get("outcome").asString()).isEqualTo("created");
        assertThat(results.get(0).get("id").asString()).isEqualTo(id("440100", "2024Q4"));
        assertThat(results.get(1).get("outcome").asString()).isEqualTo("rejected");
        assertThat(results.get(1).toString()).contains("natural key");
        assertThat(sync(GUANGZHOU, List.of(unnamed, misnamed), key).json()).isEqualTo(first.json());
        assertThat(reports()).isEqualTo(1);
    }

    @Test
    void aSyncedSubmissionCannotBeOverwrittenBySync() {
        Map<String, Object> submitted = new LinkedHashMap<>(report(zoneId, "440100", "2024Q2", turnover(3)));
        submitted.put("status", "SUBMITTED");
        sync(GUANGZHOU, List.of(Map.of("data", submitted)));
        Map<String, Object> changed = new LinkedHashMap<>(submitted);
        changed.put("values", List.of(turnover(4)));
        JsonNode result = sync(GUANGZHOU, List.of(Map.of("data", changed, "version", 1))).json().get("results").get(0);
        assertThat(result.get("outcome").asString()).isEqualTo("rejected");
        // Sent again exactly as stored, it is unchanged, not refused.
        JsonNode again = sync(GUANGZHOU, List.of(Map.of("data", submitted))).json().get("results").get(0);
        assertThat(again.get("outcome").asString()).isEqualTo("unchanged");
    }

    @Test
    void aRelayedReportIsTakenBeforeItsZoneArrivesWhileACitysOwnIsRefused() {
        // The relay pushes each resource's feed on its own, so a verified report can reach the tier
        // above before its zone does (docs/federation.md); refused, it would be lost for good.
        String zoneLater = "gz-relayed-" + UUID.randomUUID();
        Map<String, Object> verified = new LinkedHashMap<>(report(zoneLater, "440100", "2025Q1", turnover(12.5)));
        verified.put("status", "VERIFIED");
        String id = zoneLater + ".440100.2025Q1";

        JsonNode own = sync(GUANGZHOU, List.of(Map.of("id", id, "data", verified))).json().get("results").get(0);
        JsonNode relayed = sync(TestCallers.bearer("440100", RELAY), List.of(Map.of("id", id, "data", verified,
                "origin", Map.of("deployment", "guangzhou", "version", 3)))).json().get("results").get(0);
        Map<String, Object> shapeless = new LinkedHashMap<>(verified);
        shapeless.put("values", "twelve");
        JsonNode malformed = sync(TestCallers.bearer("440100", RELAY), List.of(Map.of("id", id + "x", "data",
                shapeless, "origin", Map.of("deployment", "guangzhou", "version", 1)))).json().get("results").get(0);
        // Its own content rules still hold: an indicator given twice would be summed twice in roll-ups.
        Map<String, Object> twice = new LinkedHashMap<>(verified);
        twice.put("period", "2025Q2");
        twice.put("values", List.of(turnover(1), turnover(2)));
        JsonNode repeated = sync(TestCallers.bearer("440100", RELAY), List.of(Map.of("id", zoneLater
                + ".440100.2025Q2", "data", twice, "origin", Map.of("deployment", "guangzhou", "version", 1))))
                .json().get("results").get(0);

        assertThat(own.get("outcome").asString()).isEqualTo("rejected");
        assertThat(own.toString()).contains("no zone " + zoneLater);
        assertThat(relayed.get("outcome").asString()).as(relayed.toString()).isEqualTo("created");
        assertThat(http().get("/api/reports/" + id, "Authorization", GUANGZHOU).json().get("status").asString())
                .isEqualTo("VERIFIED");
        assertThat(malformed.get("outcome").asString()).isEqualTo("rejected");
        assertThat(malformed.toString()).contains("data.values");
        assertThat(repeated.get("outcome").asString()).isEqualTo("rejected");
        assertThat(repeated.toString()).contains("data.values[1].indicator");
        assertThat(database.getCollection("reports").countDocuments(new Document("zoneId", zoneLater))).isEqualTo(1);
    }

    @Test
    void reportsPageByKeysetAcrossPages() {
        List<String> periods = List.of("2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4");
        periods.forEach(period -> put(GUANGZHOU, "440100", period, report(zoneId, "440100", period, turnover(1))));
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            Response page = http().get("/api/reports?zoneId=" + zoneId + "&limit=2" + (after == null ? "" : "&after="
                    + after), "Authorization", GUANGDONG);
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(2);
            page.json().get("items").forEach(item -> seen.add(item.get("period").asString()));
            JsonNode next = page.json().path("next");
            after = next.isNull() || next.isMissingNode() ? null : next.asString();
        } while (after != null);
        assertThat(seen).containsExactlyElementsOf(periods);
    }

    @Test
    void indicatorsAreListedAndOnlyNationalAdministratorsDefineThem() {
        Response list = http().get("/api/indicators", "Authorization", GUANGZHOU);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("contract_turnover").contains("rd_intensity");
        String definition = TestHttp.json(Map.of("code", "patent_licences", "name", "专利许可数", "unit", "项",
                "aggregation", "SUM", "nonNegative", true));
        assertThat(http().put("/api/indicators/patent_licences", definition, "Authorization", GUANGZHOU).status())
                .isEqualTo(403);
        assertThat(http().put("/api/indicators/patent_licences", definition, "Authorization",
                TestCallers.bearer("000000", READ, WRITE, cn.dzn.platform.identity.Role.ADMIN)).status())
                .isEqualTo(200);
        assertThat(http().get("/api/indicators/patent_licences", "Authorization", GUANGZHOU).json().get("unit")
                .asString()).isEqualTo("项");
    }

    @Test
    void twoConcurrentMovesOfOneVersionEndWithExactlyOneWinner() throws Exception {
        String id = id("440100", "2023Q3");
        put(GUANGZHOU, "440100", "2023Q3", report(zoneId, "440100", "2023Q3", turnover(9)));
        move(GUANGZHOU, id, "submit", "\"1\"", "");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> moves = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String action = i % 2 == 0 ? "verify" : "return";
            moves.add(pool.submit(() -> move(GUANGDONG, id, action, "\"2\"", "{\"reason\": \"并发\"}").status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var move : moves) {
            statuses.add(move.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status != 200).allMatch(status -> status == 409);
        assertThat(http().get("/api/reports/" + id, "Authorization", GUANGDONG).json().get("version").asLong())
                .isEqualTo(3);
    }

    @Test
    void badIndicatorDefinitionsAndListFiltersAre400() {
        String admin = TestCallers.bearer("000000", READ, WRITE, cn.dzn.platform.identity.Role.ADMIN);
        for (String[] bad : List.of(
                new String[] {"other_code", "{\"code\": \"x_code\", \"name\": \"n\", \"unit\": \"项\", \"aggregation\": \"SUM\", \"nonNegative\": true}"},
                new String[] {"share", "{\"code\": \"share\", \"name\": \"n\", \"unit\": \"%\", \"aggregation\": \"RATIO\", \"nonNegative\": true}"},
                new String[] {"Bad-Code", "{\"code\": \"Bad-Code\", \"name\": \"n\", \"unit\": \"项\", \"aggregation\": \"SUM\", \"nonNegative\": true}"},
                new String[] {"x_code", "{\"code\": \"x_code\", \"name\": \"n\", \"unit\": \"项\", \"aggregation\": \"MEDIAN\", \"nonNegative\": true}"})) {
            Response response = http().put("/api/indicators/" + bad[0], bad[1], "Authorization", admin);
            assertThat(response.status()).as(bad[1]).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(http().get("/api/indicators/x_code", "Authorization", admin).status()).isEqualTo(404);
        assertThat(http().get("/api/reports?status=NOPE", "Authorization", GUANGZHOU).status()).isEqualTo(400);
        assertThat(http().get("/api/reports?limit=0", "Authorization", GUANGZHOU).status()).isEqualTo(400);
    }

    Response sync(String token, List<Map<String, Object>> records) {
        return sync(token, records, UUID.randomUUID().toString());
    }

    Response sync(String token, List<Map<String, Object>> records, String key) {
        return http().post("/api/reports/sync", TestHttp.json(Map.of("records", records)), "Authorization", token,
                "Idempotency-Key", key);
    }

    long reports() {
        return database.getCollection("reports").countDocuments(new Document("zoneId", zoneId));
    }
}
