package cn.dzn.zone.annual;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.dzn.zone.evaluation.SelfEvaluation;

/**
 * A zone's annual development report (seed 004 §七: "发展报告制度"): its indicators for the year
 * with the year before and the quarters, its place in the national ranking when the year has a
 * scheme, its self-evaluation and the cases curated for it. Figures are verified roll-ups in the
 * reader's view of the zone.
 */
public record AnnualReport(String zoneId, String name, String regionCode, List<String> memberCities, int year,
        List<Line> indicators, Standing standing, List<CaseStudy> cases) {

    /** {@code change}: value over previous − 1, null when either is missing. */
    public record Line(String indicator, String name, String unit, BigDecimal value, BigDecimal previous,
            BigDecimal change, Map<String, BigDecimal> quarters) {
    }

    public record Standing(int rank, int of, BigDecimal score, SelfEvaluation selfEvaluation) {
    }
}
