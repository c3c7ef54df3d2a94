package cn.dzn.zone.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The zones of a period ranked by their national score, with every input the scores were
 * computed from ({@code figures}: each zone's verified roll-up per indicator) and a SHA-256 of
 * scheme and inputs, so a ranking can be recomputed and compared at any later time.
 */
public record Ranking(String period, Scheme scheme, List<Row> rows, String inputsHash) {

    /** {@code missing}: the scheme's indicators this zone has no verified figure for (scored 0). */
    public record Row(int rank, String zoneId, String name, BigDecimal score, Map<String, BigDecimal> figures,
            List<String> missing, SelfEvaluation selfEvaluation) {
    }
}
