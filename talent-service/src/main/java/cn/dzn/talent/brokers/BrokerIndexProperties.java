package cn.dzn.talent.brokers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The 科技伯乐 evaluation index ({@code dzn.talent.brokers}): the indicators with their weights,
 * the score below which a period counts against the broker, how many such periods in a row end
 * membership, and the score that flags a broker for award. Seed 001 §10 asks for the index and
 * the dynamic exit but sets no figure, so every one is configuration (docs/decisions.md).
 */
@ConfigurationProperties("dzn.talent.brokers")
public record BrokerIndexProperties(Map<String, Integer> weights, int threshold, int exitAfter, int outstandingScore) {

    public BrokerIndexProperties {
        weights = weights == null ? Map.of() : new LinkedHashMap<>(weights);
        if (weights.isEmpty() || weights.values().stream().anyMatch(weight -> weight == null || weight < 1)
                || weights.keySet().stream().anyMatch(name -> !name.matches(Evaluation.INDICATOR))) {
            throw new IllegalArgumentException("dzn.talent.brokers.weights: name each indicator ("
                    + Evaluation.INDICATOR + ") with a positive whole weight, got " + weights);
        }
        if (threshold < 0 || threshold > 100 || outstandingScore <= threshold || outstandingScore > 100 || exitAfter < 1) {
            throw new IllegalArgumentException("dzn.talent.brokers: need 0 <= threshold < outstanding-score <= 100 and "
                    + "exit-after >= 1, got " + threshold + ", " + outstandingScore + ", " + exitAfter);
        }
    }
}
