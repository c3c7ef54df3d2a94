package cn.dzn.incubator.incubators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.dzn.incubator.incubators.Assessment.Criterion;
import cn.dzn.incubator.incubators.Assessment.Result;
import cn.dzn.incubator.incubators.Assessment.Standard;

/** The national thresholds of DOMAIN.md ("Incubation"), item by item, on the edges. */
class ThresholdsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Test
    void anIncubatorExactlyAtEveryThresholdMeetsThemAll() {
        Assessment assessment = Thresholds.assess(incubator(IncubatorKind.INCUBATOR, 10_000, 7_500, null,
                TODAY.minusYears(3), 2, 500L, null, null, null, null, null), TODAY);

        assertThat(assessment.standard()).isEqualTo(Standard.NATIONAL_INCUBATOR);
        assertThat(results(assessment)).containsExactly(Map.entry("space", Result.MET),
                Map.entry("operatingTime", Result.MET), Map.entry("statistics", Result.MET),
                Map.entry("seedFund", Result.MET), Map.entry("tenantShare", Result.MET));
        assertThat(assessment.allMet()).isTrue();
        Criterion share = byName(assessment).get("tenantShare");
        assertThat(share.measures().get(0).value()).isEqualByComparingTo("75.0");
        assertThat(share.measures().get(0).threshold()).isEqualByComparingTo("75");
        assertThat(byName(assessment).get("operatingTime").measures().get(0).value()).isEqualByComparingTo("36");
    }

    @Test
    void oneBelowEachThresholdIsNotMetAndShowsTheFigureAndTheThreshold() {
        Assessment assessment = Thresholds.assess(incubator(IncubatorKind.INCUBATOR, 9_999, 7_499, null,
                TODAY.minusYears(3).plusDays(1), 1, 499L, null, null, null, null, null), TODAY);

        assertThat(results(assessment).values()).containsOnly(Result.NOT_MET);
        assertThat(assessment.allMet()).isFalse();
        var space = byName(assessment).get("space").measures().get(0);
        assertThat(space.value()).isEqualByComparingTo("9999");
        assertThat(space.threshold()).isEqualByComparingTo("10000");
        assertThat(space.unit()).isEqualTo("m²");
        assertThat(byName(assessment).get("operatingTime").measures().get(0).value()).isEqualByComparingTo("35");
        assertThat(byName(assessment).get("tenantShare").measures().get(0).value()).isEqualByComparingTo("74.9");
    }

    @Test
    void aMissingFigureIsNotReportedNeverMet() {
        Assessment assessment = Thresholds.assess(incubator(IncubatorKind.INCUBATOR, 20_000, null, null, null, 3,
                null, null, null, null, null, null), TODAY);

        assertThat(results(assessment)).containsEntry("space", Result.MET).containsEntry("statistics", Result.MET)
                .containsEntry("operatingTime", Result.NOT_REPORTED).containsEntry("seedFund", Result.NOT_REPORTED)
                .containsEntry("tenantShare", Result.NOT_REPORTED);
        assertThat(assessment.allMet()).isFalse();
    }

    @Test
    void aMakerSpaceMeetsAnAlternativeByEitherFigure() {
        LocalDate since = TODAY.minusMonths(18);
        Assessment byWorkstations = Thresholds.assess(incubator(IncubatorKind.MAKER_SPACE, 100, null, 30, since, null,
                null, 3, 20, 0, 5, 10), TODAY);
        Assessment bySpace = Thresholds.assess(incubator(IncubatorKind.MAKER_SPACE, 500, null, null, since, null, null,
                3, 20, 10, null, 10), TODAY);

        assertThat(byWorkstations.standard()).isEqualTo(Standard.NATIONAL_MAKER_SPACE);
        assertThat(results(byWorkstations).values()).containsOnly(Result.MET);
        assertThat(byWorkstations.allMet()).isTrue();
        // Space met, workstations not reported: met. New firms met, financed not reported: met.
        assertThat(results(bySpace).values()).containsOnly(Result.MET);
        assertThat(byName(bySpace).get("spaceOrWorkstations").measures()).hasSize(2);
    }

    @Test
    void aMakerSpaceBelowEveryThresholdFailsEachItemOnItsOwn() {
        Assessment assessment = Thresholds.assess(incubator(IncubatorKind.MAKER_SPACE, 499, null, 29,
                TODAY.minusMonths(17), null, null, 2, 19, 9, 4, 9), TODAY);

        assertThat(results(assessment)).containsExactly(Map.entry("spaceOrWorkstations", Result.NOT_MET),
                Map.entry("operatingTime", Result.NOT_MET), Map.entry("residentTeams", Result.NOT_MET),
                Map.entry("newFirmsOrFinanced", Result.NOT_MET), Map.entry("mentors", Result.NOT_MET),
                Map.entry("events", Result.NOT_MET));
        // One alternative unreported and the other not met: not reported, since the missing one might meet it.
        Assessment partly = Thresholds.assess(incubator(IncubatorKind.MAKER_SPACE, 499, null, null,
                TODAY.minusMonths(17), null, null, 2, 19, 9, null, 9), TODAY);
        assertThat(results(partly)).containsEntry("spaceOrWorkstations", Result.NOT_REPORTED)
                .containsEntry("newFirmsOrFinanced", Result.NOT_REPORTED);
    }

    @Test
    void anOverseasIncubatorHasNoNationalStandard() {
        Assessment assessment = Thresholds.assess(incubator(IncubatorKind.OVERSEAS_INCUBATOR, 50_000, 40_000, 500,
                TODAY.minusYears(10), 9, 10_000L, 50, 100, 50, 50, 50), TODAY);

        assertThat(assessment.standard()).isNull();
        assertThat(assessment.criteria()).isEmpty();
        assertThat(assessment.allMet()).isFalse();
        assertThat(assessment.source()).contains("overseas");
    }

    @Test
    void aClosedIncubatorsOperatingTimeEndsWhenItClosed() {
        Incubator open = incubator(IncubatorKind.INCUBATOR, 10_000, 8_000, null, LocalDate.of(2020, 1, 1), 2, 500L,
                null, null, null, null, null);
        Incubator closed = new Incubator(open.id(), open.name(), open.regionCode(), open.kind(), open.level(),
                open.legalEntity(), null, null, open.operatingSince(), open.areaSqm(), open.tenantAreaSqm(),
                open.workstations(), open.seedFundWan(), open.mentors(), open.servicesOffered(), open.statisticsYears(),
                null, null, null, null, LocalDate.of(2022, 6, 30), null, null, Instant.now(), Instant.now(), 1);

        Assessment assessment = Thresholds.assess(closed, TODAY);

        assertThat(assessment.asOf()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(byName(assessment).get("operatingTime").measures().get(0).value())
                .isEqualByComparingTo(BigDecimal.valueOf(29));
        assertThat(byName(assessment).get("operatingTime").result()).isEqualTo(Result.NOT_MET);
    }

    static Incubator incubator(IncubatorKind kind, Integer area, Integer tenantArea, Integer workstations,
            LocalDate since, Integer statisticsYears, Long seedFund, Integer mentors, Integer teams, Integer founded,
            Integer financed, Integer events) {
        return new Incubator("t-1", "测试", "440300", kind, null, null,
                kind == IncubatorKind.OVERSEAS_INCUBATOR ? "SG" : null, null, since, area, tenantArea, workstations,
                seedFund, mentors, List.of(), statisticsYears, teams, founded, financed, events, null, null, null,
                Instant.now(), Instant.now(), 1);
    }

    private static Map<String, Result> results(Assessment assessment) {
        return assessment.criteria().stream().collect(Collectors.toMap(Criterion::criterion, Criterion::result,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static Map<String, Criterion> byName(Assessment assessment) {
        return assessment.criteria().stream().collect(Collectors.toMap(Criterion::criterion, Function.identity()));
    }
}
