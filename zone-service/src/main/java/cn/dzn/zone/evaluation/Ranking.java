package cn.dzn.zone.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.dzn.zone.indicators.Indicator;
import cn.dzn.zone.periods.Period;
import cn.dzn.zone.zones.Zone;
import cn.dzn.zone.zones.ZoneInput;
import jakarta.validation.constraints.Size;

/**
 * The zones of a period ranked by their national score, with every input the scores were
 * computed from ({@code figures}: each zone's verified roll-up per indicator) and a SHA-256 of
 * scheme and inputs, so a ranking can be recomputed and compared at any later time. One row per
 * live zone, at most {@link #MAX_ROWS}: the programme has ten zones (seed 004 names nine,
 * DOMAIN.md a tenth), and a ranking rolls up every one, so more than a hundredfold is refused
 * (409) rather than answered.
 */
public record Ranking(
        @Size(max = Period.MAX_LENGTH) String period,
        Scheme scheme,
        @Size(max = Ranking.MAX_ROWS) List<Row> rows,
        @Size(min = 64, max = 64) String inputsHash) {

    public static final int MAX_ROWS = 1000;

    /** {@code missing}: the scheme's indicators this zone has no verified figure for (scored 0). */
    public record Row(
            int rank,
            @Size(max = Zone.MAX_ID) String zoneId,
            @Size(max = ZoneInput.MAX_NAME) String name,
            BigDecimal score,
            Map<String, BigDecimal> figures,
            @Size(max = Scheme.MAX_WEIGHTS) List<@Size(max = Indicator.MAX_CODE) String> missing,
            SelfEvaluation selfEvaluation) {
    }
}
