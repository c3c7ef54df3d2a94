package cn.dzn.zone.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Scores zones under a scheme: per indicator, min–max normalisation across the zones that have a
 * figure (1 for the best, 0 for the worst; all 1 when every figure is equal; 0 for a zone without
 * one); the score is the weighted mean of those, × 100, to two decimals.
 */
final class Scores {

    private Scores() {
    }

    static Map<String, BigDecimal> of(Scheme scheme, Map<String, Map<String, BigDecimal>> figures) {
        Map<String, BigDecimal> weighted = new LinkedHashMap<>();
        figures.keySet().forEach(zoneId -> weighted.put(zoneId, BigDecimal.ZERO));
        BigDecimal totalWeight = BigDecimal.ZERO;
        for (Scheme.Weight weight : scheme.weights()) {
            totalWeight = totalWeight.add(weight.weight());
            var present = figures.values().stream().map(values -> values.get(weight.indicator()))
                    .filter(Objects::nonNull).toList();
            if (present.isEmpty()) {
                continue;
            }
            BigDecimal min = present.stream().reduce(BigDecimal::min).orElseThrow();
            BigDecimal max = present.stream().reduce(BigDecimal::max).orElseThrow();
            for (var zone : figures.entrySet()) {
                BigDecimal value = zone.getValue().get(weight.indicator());
                if (value == null) {
                    continue;
                }
                BigDecimal normalised = max.compareTo(min) == 0 ? BigDecimal.ONE
                        : EvaluationService.divide(value.subtract(min), max.subtract(min));
                if (Boolean.TRUE.equals(weight.lowerIsBetter()) && max.compareTo(min) != 0) {
                    normalised = BigDecimal.ONE.subtract(normalised);
                }
                weighted.merge(zone.getKey(), normalised.multiply(weight.weight()), BigDecimal::add);
            }
        }
        BigDecimal total = totalWeight;
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        weighted.forEach((zoneId, sum) -> scores.put(zoneId, EvaluationService.divide(sum, total)
                .multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_EVEN)));
        return scores;
    }
}
