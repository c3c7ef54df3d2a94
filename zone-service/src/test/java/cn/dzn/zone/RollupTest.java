package cn.dzn.zone;

import static cn.dzn.platform.identity.Role.READ;
import static cn.dzn.platform.identity.Role.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * Roll-ups on generated data: the national figure equals the aggregate of its parts and of the
 * reports themselves, a ratio is recomputed from numerators and denominators, a 计划单列市 counts
 * once, and only verified reports count unless asked otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupTest extends ZoneServiceTestBase {

    static final String PERIOD = "2017";
    static final String NATIONAL = TestCallers.national();
    static final Map<String, List<String>> ZONES = Map.of("440000", List.of("440100", "440300", "440600"),
            "320000", List.of("320100", "320500"), "510000", List.of("510100", "510600", "510700"));

    final List<Map<String, Object>> verified = new ArrayList<>();
    final Map<String, String> zoneOfProvince = new LinkedHashMap<>();
    BigDecimal unverifiedTurnover = BigDecimal.ZERO;

    /** Per province a zone, per member city a report: all submitted, all but one per zone verified. */
    @BeforeAll
    void reportsAcrossThreeProvinces() {
        Random random = new Random(20170101);
        ZONES.forEach((province, cities) -> {
            String zoneId = http().post("/api/zones", TestHttp.json(Map.of("name", "示范区-" + UUID.randomUUID(),
                    "regionCode", province, "memberCities", cities)), "Authorization", NATIONAL).json().get("id").asString();
            zoneOfProvince.put(province, zoneId);
            List<Map<String, Object>> submitted = new ArrayList<>();
            for (String city : cities) {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("zoneId", zoneId);
                report.put("regionCode", city);
                report.put("period", PERIOD);
                report.put("status", "SUBMITTED");
                report.put("values", List.of(
                        Map.of("indicator", "contract_turnover", "value", amount(random, 1_000_000)),
                        Map.of("indicator", "rd_intensity", "numerator", amount(random, 50_000),
                                "denominator", amount(random, 2_000_000).add(BigDecimal.ONE))));
                submitted.add(report);
            }
            sync(TestCallers.bearer(province, READ, WRITE), submitted, null);
            List<Map<String, Object>> toVerify = new ArrayList<>();
            for (Map<String, Object> report : submitted.subList(0, submitted.size() - 1)) {
                Map<String, Object> verifiedReport = new LinkedHashMap<>(report);
                verifiedReport.put("status", "VERIFIED");
                toVerify.add(verifiedReport);
            }
            JsonNode answer = sync(TestCallers.bearer(province, READ, WRITE), toVerify, 1L);
            assertThat(answer.get("counts").get("updated").asInt()).as(answer.toString()).isEqualTo(toVerify.size());
            verified.addAll(toVerify);
            unverifiedTurnover = unverifiedTurnover.add(turnover(submitted.get(submitted.size() - 1)));
        });
    }

    @Test
    void theNationalSumEqualsItsProvincesAndTheReportsThemselves() {
        JsonNode national = rollup("contract_turnover", null, null, true);
        BigDecimal expected = verified.stream().map(RollupTest::turnover).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(decimal(national.get("value"))).isEqualByComparingTo(expected);
        assertThat(national.get("reports").asInt()).isEqualTo(verified.size());

        BigDecimal ofParts = BigDecimal.ZERO;
        for (JsonNode part : national.get("parts")) {
            JsonNode province = rollup("contract_turnover", part.get("key").asString(), null, true);
            assertThat(decimal(province.get("value"))).isEqualByComparingTo(decimal(part.get("value")));
            ofParts = ofParts.add(decimal(part.get("value")));
        }
        assertThat(ofParts).isEqualByComparingTo(expected);
        assertThat(national.get("parts")).hasSize(3);
    }

    @Test
    void aSeparatelyPlannedCityCountsOnceThoughItReportsToTheNationDirectly() {
        JsonNode guangdong = rollup("contract_turnover", "440000", null, true);
        JsonNode shenzhen = rollup("contract_turnover", "440300", null, true);
        assertThat(shenzhen.get("reports").asInt()).isEqualTo(1);
        JsonNode national = rollup("contract_turnover", null, null, true);
        BigDecimal others = BigDecimal.ZERO;
        for (JsonNode part : national.get("parts")) {
            if (!part.get("key").asString().equals("440000")) {
                others = others.add(decimal(part.get("value")));
            }
        }
        assertThat(decimal(national.get("value"))).isEqualByComparingTo(decimal(guangdong.get("value")).add(others));
    }

    @Test
    void aRatioIsRecomputedFromNumeratorsAndDenominators() {
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ZERO;
        for (Map<String, Object> report : verified) {
            Map<?, ?> ratio = (Map<?, ?>) ((List<?>) report.get("values")).get(1);
            numerator = numerator.add((BigDecimal) ratio.get("numerator"));
            denominator = denominator.add((BigDecimal) ratio.get("denominator"));
        }
        JsonNode national = rollup("rd_intensity", null, null, true);
        BigDecimal expected = numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, MathContext.DECIMAL64);
        assertThat(decimal(national.get("value")).subtract(expected).abs()).isLessThan(new BigDecimal("1e-9"));
        assertThat(decimal(national.get("denominator"))).isEqualByComparingTo(denominator);
    }

    @Test
    void aZonesFigureIsItsCitiesAndUnverifiedReportsCountOnlyWhenAsked() {
        String zoneId = zoneOfProvince.get("510000");
        JsonNode zone = rollup("contract_turnover", null, zoneId, true);
        BigDecimal expected = verified.stream().filter(report -> report.get("zoneId").equals(zoneId))
                .map(RollupTest::turnover).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(decimal(zone.get("value"))).isEqualByComparingTo(expected);
        assertThat(zone.get("parts")).hasSize(2);

        BigDecimal all = decimal(rollup("contract_turnover", null, null, false).get("value"));
        BigDecimal verifiedOnly = decimal(rollup("contract_turnover", null, null, true).get("value"));
        assertThat(all.subtract(verifiedOnly)).isEqualByComparingTo(unverifiedTurnover);
    }

    @Test
    void aCityRollsUpOnlyInsideItselfAndBadParametersAre400() {
        String chengdu = TestCallers.bearer("510100", READ);
        assertThat(http().get("/api/reports/rollup?indicator=contract_turnover&period=2017&region=510000",
                "Authorization", chengdu).status()).isEqualTo(403);
        assertThat(http().get("/api/reports/rollup?indicator=contract_turnover&period=2017",
                "Authorization", chengdu).json().get("reports").asInt()).isEqualTo(1);
        for (String query : List.of("indicator=nothing&period=2017", "indicator=contract_turnover&period=17",
                "indicator=contract_turnover&period=2017&region=99", "period=2017")) {
            var response = http().get("/api/reports/rollup?" + query, "Authorization", NATIONAL);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    JsonNode rollup(String indicator, String region, String zoneId, boolean verifiedOnly) {
        String query = "/api/reports/rollup?indicator=" + indicator + "&period=" + PERIOD
                + (region == null ? "" : "&region=" + region) + (zoneId == null ? "" : "&zoneId=" + zoneId)
                + "&verifiedOnly=" + verifiedOnly;
        var response = http().get(query, "Authorization", NATIONAL);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** {@code version}: the version each record was read at, null for new records. */
    JsonNode sync(String token, List<Map<String, Object>> reports, Long version) {
        List<Map<String, Object>> records = reports.stream().map(report -> version == null
                ? Map.<String, Object>of("data", report) : Map.<String, Object>of("data", report, "version", version))
                .toList();
        return http().post("/api/reports/sync", TestHttp.json(Map.of("records", records)), "Authorization", token,
                "Idempotency-Key", UUID.randomUUID().toString()).json();
    }

    static BigDecimal turnover(Map<String, Object> report) {
        return (BigDecimal) ((Map<?, ?>) ((List<?>) report.get("values")).get(0)).get("value");
    }

    static BigDecimal amount(Random random, int max) {
        return BigDecimal.valueOf(random.nextInt(max * 100), 2);
    }

    static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asString());
    }
}
