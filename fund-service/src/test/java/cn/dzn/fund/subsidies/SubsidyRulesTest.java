package cn.dzn.fund.subsidies;

import static cn.dzn.fund.FundTests.GUANGZHOU;
import static cn.dzn.fund.FundTests.SHENZHEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.dzn.fund.FundServiceTestBase;
import cn.dzn.fund.FundTests;
import cn.dzn.platform.test.Race;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * Every subsidy rule at, just below and just above each of its caps, the clause named in each
 * case (recompute them from seed 001 §1, §2, §5, §8 and seed 002 §9, §13); racing applications
 * against a count cap; the same application sent twice.
 */
class SubsidyRulesTest extends FundServiceTestBase {

    private static final AtomicInteger APPLICANTS = new AtomicInteger();

    @ParameterizedTest(name = "seed 001 §1, 50万元 a year for three years in a row: year {0} of the institution → {1}")
    @CsvSource({"1, GRANTED", "2, GRANTED", "3, GRANTED", "4, REJECTED"})
    void guangzhou1(int nth, String status) {
        String applicant = applicant();
        Response last = null;
        for (int year = 2021; year < 2021 + nth; year++) {
            last = apply(GUANGZHOU, Map.of("ruleId", "guangzhou-1", "regionCode", "440100", "year", year), applicant);
        }
        assertDecision(last, status, status.equals("GRANTED") ? "50" : "0");
        if (nth == 4) {
            assertThat(last.text()).contains("连续三年");
        }
    }

    @Test
    void guangzhou1CountsItsThreeYearsFromTheFirstGrant() {
        String applicant = applicant();
        assertDecision(apply(GUANGZHOU, Map.of("ruleId", "guangzhou-1", "regionCode", "440100", "year", 2024),
                applicant), "GRANTED", "50");
        assertDecision(apply(GUANGZHOU, Map.of("ruleId", "guangzhou-1", "regionCode", "440100", "year", 2023),
                applicant), "REJECTED", "0");
        assertDecision(apply(GUANGZHOU, Map.of("ruleId", "guangzhou-1", "regionCode", "440100", "year", 2027),
                applicant), "REJECTED", "0");
        assertDecision(apply(GUANGZHOU, Map.of("ruleId", "guangzhou-1", "regionCode", "440106", "year", 2026),
                applicant), "GRANTED", "50");
    }

    @ParameterizedTest(name = "seed 001 §2, at most 1000万元 a unit a year: {0} granted before, {1} retained → {2} {3}")
    @CsvSource({
            "0, 999.999999, GRANTED, 999.999999",
            "0, 1000, GRANTED, 1000",
            "0, 1000.000001, REDUCED, 1000",
            "600, 399.999999, GRANTED, 399.999999",
            "600, 400, GRANTED, 400",
            "600, 400.000001, REDUCED, 400",
            "1000, 0.000001, REJECTED, 0"})
    void guangzhou2(String before, String retained, String status, String amount) {
        String applicant = applicant();
        if (!before.equals("0")) {
            assertDecision(apply(GUANGZHOU, guangzhou2("C-1", before), applicant), "GRANTED", before);
        }
        assertDecision(apply(GUANGZHOU, guangzhou2("C-2", retained), applicant), status, amount);
    }

    @ParameterizedTest(name = "seed 001 §5, at most 20 institutions a year × 50万元: institution {0} of 2030 → {1}")
    @CsvSource({"19, GRANTED", "20, GRANTED", "21, REJECTED"})
    void guangzhou5(int nth, String status) {
        Response last = null;
        int made = countIn(2030);
        for (int i = made; i < nth; i++) {
            last = apply(GUANGZHOU, Map.of("ruleId", "guangzhou-5", "regionCode", "440100", "year", 2030), applicant());
        }
        assertDecision(last == null ? apply(GUANGZHOU, Map.of("ruleId", "guangzhou-5", "regionCode", "440100", "year",
                2030), applicant()) : last, status, status.equals("GRANTED") ? "50" : "0");
    }

    @Test
    void guangzhou5TwentyFiveRacingInstitutionsGetTwentyGrants() throws Exception {
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String applicant = applicant();
            requests.add(() -> apply(GUANGZHOU, Map.of("ruleId", "guangzhou-5", "regionCode", "440100", "year", 2031),
                    applicant));
        }

        List<Response> answers = Race.atOnce(requests);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.text()).isEqualTo(201));
        assertThat(answers.stream().filter(a -> status(a).equals("GRANTED"))).hasSize(20);
        assertThat(answers.stream().filter(a -> status(a).equals("REJECTED"))).hasSize(5)
                .allSatisfy(a -> assertThat(a.text()).contains("seed 001 §5").contains("every grant it allows"));
    }

    @ParameterizedTest(name = "seed 001 §8, 0.5万元 per 亿元 of registered turnover: {0}万元 → {1} {2}")
    @CsvSource({
            "10000, GRANTED, 0.5",
            "9999.999999, GRANTED, 0.499999",
            "10000.000001, GRANTED, 0.5",
            "123456.78, GRANTED, 6.172839",
            "100000000, GRANTED, 5000",
            "0.01, REJECTED, 0"})
    void guangzhou8(String turnover, String status, String amount) {
        assertDecision(apply(GUANGZHOU, Map.of("ruleId", "guangzhou-8", "regionCode", "440100", "year", 2025,
                "registeredTurnoverWan", new BigDecimal(turnover)), applicant()), status, amount);
    }

    @ParameterizedTest(name = "seed 002 §9, at most 35% of the contract and 500万元: contract {0}, asked {1} → {2} {3}")
    @CsvSource({
            "1000, , GRANTED, 350",
            "1000, 349.999999, GRANTED, 349.999999",
            "1000, 350, GRANTED, 350",
            "1000, 350.000001, REDUCED, 350",
            "1428.571428, , GRANTED, 499.999999",
            "1428.571429, , GRANTED, 500",
            "1428.571432, , REDUCED, 500",
            "2000, 499.999999, GRANTED, 499.999999",
            "2000, 500, GRANTED, 500",
            "2000, 500.000001, REDUCED, 500"})
    void shenzhen9(String contract, String asked, String status, String amount) {
        Map<String, Object> input = new LinkedHashMap<>(Map.of("ruleId", "shenzhen-9", "regionCode", "440300", "year",
                2025, "contractNo", "SZ9-" + APPLICANTS.incrementAndGet(), "contractValueWan",
                new BigDecimal(contract)));
        if (asked != null) {
            input.put("requestedWan", new BigDecimal(asked));
        }
        assertDecision(apply(SHENZHEN, input, applicant()), status, amount);
    }

    @ParameterizedTest(name = "seed 002 §13, at most 1000万元 an institution: {0} granted before, {1} asked → {2} {3}")
    @CsvSource({
            "0, 999.999999, GRANTED, 999.999999",
            "0, 1000, GRANTED, 1000",
            "0, 1000.000001, REDUCED, 1000",
            "600, 400, GRANTED, 400",
            "600, 400.000001, REDUCED, 400",
            "1000, 1, REJECTED, 0"})
    void shenzhen13(String before, String asked, String status, String amount) {
        String applicant = applicant();
        if (!before.equals("0")) {
            assertDecision(apply(SHENZHEN, shenzhen13(2024, before, true), applicant), "GRANTED", before);
        }
        assertDecision(apply(SHENZHEN, shenzhen13(2025, asked, true), applicant), status, amount);
    }

    @Test
    void shenzhen13IsForAnInstitutionWithItsOwnLegalPersonality() {
        Response refused = apply(SHENZHEN, shenzhen13(2025, "10", false), applicant());
        assertDecision(refused, "REJECTED", "0");
        assertThat(refused.text()).contains("具有独立法人资格");
    }

    @Test
    void theSameApplicationSentTwiceIsOneApplication() throws Exception {
        String applicant = applicant();
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(() -> apply(GUANGZHOU, guangzhou2("SAME-1", "700"), applicant));
        }

        List<Response> answers = Race.atOnce(requests);

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 200)).hasSize(9);
        assertThat(answers.stream().map(a -> a.json().path("id").asString()).distinct()).hasSize(1);
        assertDecision(apply(GUANGZHOU, guangzhou2("SAME-2", "700"), applicant), "REDUCED", "300");
        Response changed = apply(GUANGZHOU, guangzhou2("SAME-1", "800"), applicant);
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.json().path("detail").asString()).contains("other inputs");
    }

    @Test
    void theCatalogueCitesEveryRuleItsClauseFormulaAndCaps() {
        JsonNode rules = http.get("/api/subsidies/rules", "Authorization", GUANGZHOU).json();
        Map<String, String> clauses = new LinkedHashMap<>();
        rules.forEach(rule -> clauses.put(rule.path("id").asString(), rule.path("clause").asString()));

        assertThat(clauses).containsExactly(Map.entry("guangzhou-1", "seed 001 §1"),
                Map.entry("guangzhou-2", "seed 001 §2"), Map.entry("guangzhou-5", "seed 001 §5"),
                Map.entry("guangzhou-8", "seed 001 §8"), Map.entry("shenzhen-9", "seed 002 §9"),
                Map.entry("shenzhen-13", "seed 002 §13"));
        rules.forEach(rule -> {
            assertThat(rule.path("quote").asString()).isNotBlank();
            assertThat(rule.path("formula").asString()).isNotBlank();
            assertThat(rule.path("caps").size()).isPositive();
        });
        assertThat(http.get("/api/subsidies/rules/shenzhen-9", "Authorization", GUANGZHOU).json().path("quote")
                .asString()).contains("最高 35%").contains("500 万元");
        assertThat(http.get("/api/subsidies/rules/nope", "Authorization", GUANGZHOU).status()).isEqualTo(404);
    }

    private Response apply(String token, Map<String, Object> input, String applicant) {
        Map<String, Object> body = new LinkedHashMap<>(input);
        body.put("applicantCode", applicant);
        body.put("applicantName", "申请单位 " + applicant);
        return http.post("/api/subsidies/applications", TestHttp.json(body), "Authorization", token);
    }

    private static Map<String, Object> guangzhou2(String contract, String retained) {
        return Map.of("ruleId", "guangzhou-2", "regionCode", "440100", "year", 2025, "contractNo", contract,
                "retainedWan", new BigDecimal(retained));
    }

    private static Map<String, Object> shenzhen13(int year, String asked, boolean independent) {
        return Map.of("ruleId", "shenzhen-13", "regionCode", "440300", "year", year, "requestedWan",
                new BigDecimal(asked), "independentLegalEntity", independent);
    }

    private int countIn(int year) {
        return http.get("/api/subsidies/applications?ruleId=guangzhou-5&year=" + year + "&limit=500", "Authorization",
                GUANGZHOU).json().path("items").size();
    }

    static String applicant() {
        return "91440101" + String.format("%010d", APPLICANTS.incrementAndGet());
    }

    private static String status(Response response) {
        return response.json().path("decision").path("status").asString();
    }

    private static void assertDecision(Response response, String status, String amountWan) {
        assertThat(response.status()).as(response.text()).isIn(200, 201);
        assertThat(status(response)).as(response.text()).isEqualTo(status);
        assertThat(response.json().path("decision").path("amountWan").decimalValue()).as(response.text())
                .isEqualByComparingTo(amountWan);
    }
}
