package cn.dzn.zone.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.dzn.zone.indicators.Indicator;
import cn.dzn.zone.periods.Period;
import cn.dzn.zone.zones.Zone;
import cn.dzn.zone.zones.ZoneInput;
import cn.dzn.zone.zones.ZoneService;
import jakarta.validation.constraints.Size;

/**
 * The zones of a period ranked by their national score, with every input the scores were
 * computed from ({@code figures}: each zone's verified roll-up per indicator) and a SHA-256 of
 * scheme and inputs, so a ranking can be recomputed and compared at any later time. One row per
 * live zone: as many as the service holds at most.
 */
public record Ranking(
        @Size(max = Period.MAX_LENGTH) String period,
        Scheme scheme,
        @Size(max = ZoneService.MAX_ZONES) List<Row> rows,
        @Size(min = 64, max = 64) String inputsHash) {

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
