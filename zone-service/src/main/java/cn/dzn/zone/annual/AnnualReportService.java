package cn.dzn.zone.annual;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.zone.evaluation.EvaluationService;
import cn.dzn.zone.evaluation.Ranking;
import cn.dzn.zone.indicators.Indicator;
import cn.dzn.zone.indicators.IndicatorCatalog;
import cn.dzn.zone.periods.Period;
import cn.dzn.zone.rollups.RollupService;
import cn.dzn.zone.zones.Zone;
import cn.dzn.zone.zones.ZoneService;

/** Assembles a zone's {@link AnnualReport} from the zone, the verified reports, the ranking and the cases. */
@Service
public class AnnualReportService {

    private final ZoneService zones;
    private final IndicatorCatalog indicators;
    private final RollupService rollups;
    private final EvaluationService evaluation;
    private final CaseCollection cases;

    public AnnualReportService(ZoneService zones, IndicatorCatalog indicators, RollupService rollups,
            EvaluationService evaluation, CaseCollection cases) {
        this.zones = zones;
        this.indicators = indicators;
        this.rollups = rollups;
        this.evaluation = evaluation;
        this.cases = cases;
    }

    public AnnualReport report(Caller caller, String zoneId, int year) {
        if (year < Period.FIRST_YEAR || year > Period.LAST_YEAR) {
            throw Problems.invalid(List.of(new FieldError("year", Period.YEAR_MESSAGE)));
        }
        Zone zone = zones.get(caller, zoneId);
        List<AnnualReport.Line> lines = new ArrayList<>();
        for (Indicator indicator : indicators.all()) {
            BigDecimal value = figure(caller, indicator, Integer.toString(year), zoneId);
            BigDecimal previous = figure(caller, indicator, Integer.toString(year - 1), zoneId);
            Map<String, BigDecimal> quarters = new LinkedHashMap<>();
            for (int quarter = 1; quarter <= 4; quarter++) {
                BigDecimal figure = figure(caller, indicator, year + "Q" + quarter, zoneId);
                if (figure != null) {
                    quarters.put("Q" + quarter, figure);
                }
            }
            if (value != null || previous != null || !quarters.isEmpty()) {
                BigDecimal change = value == null || previous == null || previous.signum() == 0 ? null
                        : value.divide(previous, MathContext.DECIMAL64).subtract(BigDecimal.ONE);
                lines.add(new AnnualReport.Line(indicator.code(), indicator.name(), indicator.unit(), value, previous,
                        change, quarters));
            }
        }
        return new AnnualReport(zone.id(), zone.name(), zone.regionCode(), zone.memberCities(), year, lines,
                standing(zoneId, year), cases.ofReport(zoneId, year));
    }

    private BigDecimal figure(Caller caller, Indicator indicator, String period, String zoneId) {
        return rollups.rollup(caller, indicator.code(), period, null, zoneId, true).value();
    }

    /** The zone's place in the national ranking of the year; null when the year has no scheme. */
    private AnnualReport.Standing standing(String zoneId, int year) {
        Ranking ranking;
        try {
            ranking = evaluation.ranking(Integer.toString(year));
        } catch (ErrorResponseException noScheme) {
            return null;
        }
        return ranking.rows().stream().filter(row -> row.zoneId().equals(zoneId)).findFirst()
                .map(row -> new AnnualReport.Standing(row.rank(), ranking.rows().size(), row.score(),
                        row.selfEvaluation()))
                .orElse(null);
    }
}
