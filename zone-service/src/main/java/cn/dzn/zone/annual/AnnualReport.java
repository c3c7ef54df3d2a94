package cn.dzn.zone.annual;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.dzn.zone.evaluation.SelfEvaluation;
import cn.dzn.zone.indicators.Indicator;
import cn.dzn.zone.indicators.IndicatorCatalog;
import cn.dzn.zone.zones.Zone;
import cn.dzn.zone.zones.ZoneInput;
import jakarta.validation.constraints.Size;

/**
 * A zone's annual development report (seed 004 §七: "发展报告制度"): its indicators for the year
 * with the year before and the quarters, its place in the national ranking when the year has a
 * scheme, its self-evaluation and the cases curated for it. Figures are verified roll-ups in the
 * reader's view of the zone. A line per indicator of the catalog at most.
 */
public record AnnualReport(
        @Size(max = Zone.MAX_ID) String zoneId,
        @Size(max = ZoneInput.MAX_NAME) String name,
        @Size(max = 6) String regionCode,
        @Size(max = ZoneInput.MAX_MEMBERS) List<@Size(max = 6) String> memberCities,
        int year,
        @Size(max = IndicatorCatalog.MAX_INDICATORS) List<Line> indicators,
        Standing standing,
        @Size(max = CaseCollection.MAX_PER_REPORT) List<CaseStudy> cases) {

    /** {@code change}: value over previous − 1, null when either is missing. */
    public record Line(
            @Size(max = Indicator.MAX_CODE) String indicator,
            @Size(max = Indicator.MAX_NAME) String name,
            @Size(max = Indicator.MAX_UNIT) String unit,
            BigDecimal value,
            BigDecimal previous,
            BigDecimal change,
            Map<String, BigDecimal> quarters) {
    }

    public record Standing(int rank, int of, BigDecimal score, SelfEvaluation selfEvaluation) {
    }
}
