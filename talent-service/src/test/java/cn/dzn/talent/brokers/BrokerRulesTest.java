package cn.dzn.talent.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.dzn.platform.errors.FieldError;

/**
 * The 科技伯乐 index, exit and award rules (seed 001 §10) as tables, each case named after the
 * rule it checks. The index is the configured one: five indicators weighted 30/25/20/15/10,
 * threshold 60, exit after 2 periods in a row below it, award from 90.
 */
class BrokerRulesTest {

    static final Map<String, Integer> WEIGHTS = weights();
    static final BrokerRules RULES = rules(2);
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static Stream<Arguments> exitAndAward() {
        return Stream.of(
                Arguments.of("a broker below the threshold for the configured periods in a row exits", 2,
                        List.of(55, 50), true, false),
                Arguments.of("one period below the threshold is not yet an exit", 2, List.of(70, 55), false, false),
                Arguments.of("a period at or above the threshold breaks the run", 2, List.of(55, 70, 50), false, false),
                Arguments.of("a score at the threshold is not below it", 2, List.of(60, 60), false, false),
                Arguments.of("the periods before exit are configuration: 3 in a row", 3, List.of(55, 50), false, false),
                Arguments.of("the periods before exit are configuration: the third ends it", 3, List.of(55, 50, 45), true,
                        false),
                Arguments.of("an active broker whose latest score reaches the award score is flagged", 2,
                        List.of(55, 90), false, true),
                Arguments.of("the flag follows the latest score only", 2, List.of(95, 80), false, false),
                Arguments.of("no evaluation yet: neither exit nor flag", 2, List.of(), false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exitAndAward")
    void exitAndAwardRules(String rule, int exitAfter, List<Integer> scores, boolean exits, boolean flagged) {
        BrokerRules rules = rules(exitAfter);
        BrokerRules.Decision decision = rules.decide(history(rules, scores));

        assertThat(decision.exits()).isEqualTo(exits);
        assertThat(decision.outstanding()).isEqualTo(flagged);
    }

    @Test
    void theExitReasonNamesThePeriodsBelowTheThresholdAndTheirScores() {
        BrokerRules.Decision decision = RULES.decide(history(RULES, List.of(80, 59, 40)));

        assertThat(decision.exitReason()).contains("2 periods in a row", "2022: 59.00", "2023: 40.00", "seed 001 §10")
                .doesNotContain("2021");
    }

    static Stream<Arguments> scores() {
        return Stream.of(
                Arguments.of("the score is the weighted mean of the points", points(100, 100, 100, 100, 100), "100.00"),
                Arguments.of("each indicator counts by its weight", points(100, 0, 0, 0, 0), "30.00"),
                Arguments.of("a score a fraction above the threshold is not below it", points(61, 60, 60, 60, 60), "60.30"),
                Arguments.of("a score a fraction under the threshold is below it", points(60, 60, 60, 60, 59), "59.90"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scores")
    void scoringRules(String rule, Map<String, Integer> points, String score) {
        Evaluation evaluation = RULES.evaluate("2025", points);
        assertThat(evaluation.score()).isEqualByComparingTo(score);
        assertThat(evaluation.belowThreshold()).isEqualTo(new BigDecimal(score).compareTo(BigDecimal.valueOf(60)) < 0);
    }

    static Stream<Arguments> historyRules() {
        Evaluation y2024 = RULES.evaluate("2024", points(70, 70, 70, 70, 70));
        Evaluation y2025 = RULES.evaluate("2025", points(80, 80, 80, 80, 80));
        Map<String, Integer> missing = new LinkedHashMap<>(points(80, 80, 80, 80, 80));
        missing.remove("conduct");
        Map<String, Integer> extra = new LinkedHashMap<>(points(80, 80, 80, 80, 80));
        extra.put("luck", 100);
        return Stream.of(
                Arguments.of("evaluations are added after the last one", List.of(y2024), List.of(y2024, y2025), null),
                Arguments.of("an evaluation once recorded does not change", List.of(y2024),
                        List.of(RULES.evaluate("2024", points(90, 90, 90, 90, 90))), "evaluations[0]"),
                Arguments.of("an evaluation once recorded is not removed", List.of(y2024, y2025), List.of(y2024),
                        "evaluations[1]"),
                Arguments.of("a period follows the last one", List.of(y2025), List.of(y2025, y2024),
                        "evaluations[1].period"),
                Arguments.of("a broker is evaluated every year or every quarter, not both", List.of(y2024),
                        List.of(y2024, RULES.evaluate("2025Q1", points(80, 80, 80, 80, 80))), "evaluations[1].period"),
                Arguments.of("a period that has not begun is refused", List.of(),
                        List.of(RULES.evaluate("2027", points(80, 80, 80, 80, 80))), "evaluations[0].period"),
                Arguments.of("points are given on every indicator of the index", List.of(),
                        List.of(RULES.evaluate("2025", missing)), "evaluations[0].points"),
                Arguments.of("points are given on the index's indicators only", List.of(),
                        List.of(RULES.evaluate("2025", extra)), "evaluations[0].points"),
                Arguments.of("the stated score is the index's", List.of(), List.of(new Evaluation("2025",
                        points(80, 80, 80, 80, 80), new BigDecimal("95.00"), false)), "evaluations[0].score"),
                Arguments.of("the stated verdict is the index's", List.of(), List.of(new Evaluation("2025",
                        points(50, 50, 50, 50, 50), new BigDecimal("50.00"), false)), "evaluations[0].score"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("historyRules")
    void historyRules(String rule, List<Evaluation> stored, List<Evaluation> written, String brokenField) {
        List<FieldError> errors = new ArrayList<>();
        RULES.checkHistory(stored, written, TODAY, errors);

        assertThat(errors).extracting(FieldError::field).containsExactlyElementsOf(
                brokenField == null ? List.of() : List.of(brokenField));
    }

    static Stream<Arguments> standingRules() {
        List<Evaluation> exiting = history(RULES, List.of(50, 40));
        List<Evaluation> fine = history(RULES, List.of(70));
        List<Evaluation> outstanding = history(RULES, List.of(95));
        return Stream.of(
                Arguments.of("a broker the exit rule ends is EXITED", exiting, BrokerStatus.ACTIVE, null, false, "status"),
                Arguments.of("an exit is recorded with its reason", exiting, BrokerStatus.EXITED, null, false, "exitReason"),
                Arguments.of("an exited broker with its reason stands", exiting, BrokerStatus.EXITED, "below", false, null),
                Arguments.of("only the exit rule makes a broker EXITED", fine, BrokerStatus.EXITED, "below", false, "status"),
                Arguments.of("a withdrawal says why", fine, BrokerStatus.WITHDRAWN, null, false, "exitReason"),
                Arguments.of("an active broker has no exit reason", fine, BrokerStatus.ACTIVE, "why", false, "exitReason"),
                Arguments.of("an outstanding active broker is flagged for award", outstanding, BrokerStatus.ACTIVE, null,
                        false, "outstanding"),
                Arguments.of("a broker is flagged only when outstanding", fine, BrokerStatus.ACTIVE, null, true,
                        "outstanding"),
                Arguments.of("a withdrawn broker is not flagged", outstanding, BrokerStatus.WITHDRAWN, "moved", true,
                        "outstanding"),
                Arguments.of("no evaluation follows an exit", history(RULES, List.of(50, 40, 90)), BrokerStatus.EXITED,
                        "below", false, "evaluations"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("standingRules")
    void standingRules(String rule, List<Evaluation> history, BrokerStatus status, String reason, boolean flagged,
            String brokenField) {
        BrokerInput broker = new BrokerInput("440100.b1", "440100", new Institution("中心", InstitutionKind.TRANSFER),
                LocalDate.of(2020, 1, 1), List.of(), history, status, reason, flagged, null);
        List<FieldError> errors = new ArrayList<>();
        RULES.checkStanding(broker, errors);

        assertThat(errors).extracting(FieldError::field).containsExactlyElementsOf(
                brokenField == null ? List.of() : List.of(brokenField));
    }

    /** One evaluation a year from 2021, each with all its points at the given score. */
    static List<Evaluation> history(BrokerRules rules, List<Integer> scores) {
        List<Evaluation> history = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            int s = scores.get(i);
            history.add(rules.evaluate(Integer.toString(2021 + i), points(s, s, s, s, s)));
        }
        return history;
    }

    static Map<String, Integer> points(int contracts, int turnover, int cooperation, int finance, int conduct) {
        Map<String, Integer> points = new LinkedHashMap<>();
        points.put("contracts", contracts);
        points.put("turnover", turnover);
        points.put("cooperation", cooperation);
        points.put("finance", finance);
        points.put("conduct", conduct);
        return points;
    }

    private static BrokerRules rules(int exitAfter) {
        return new BrokerRules(new BrokerIndexProperties(WEIGHTS, 60, exitAfter, 90));
    }

    private static Map<String, Integer> weights() {
        return points(30, 25, 20, 15, 10);
    }
}
