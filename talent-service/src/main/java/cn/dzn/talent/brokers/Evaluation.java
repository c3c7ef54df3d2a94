package cn.dzn.talent.brokers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import cn.dzn.talent.common.Formats;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One period's evaluation of a broker against the index (seed 001 §10: "考核评价指标体系"):
 * the points (0–100) given on each indicator, the weighted score and whether it fell below
 * the threshold. The score and the verdict are the server's arithmetic ({@link BrokerRules});
 * a record that states others is refused.
 */
public record Evaluation(
        @NotNull @Size(max = Formats.PERIOD_LENGTH) @Pattern(regexp = Formats.PERIOD, message = Formats.PERIOD_MESSAGE) String period,
        @NotNull @Size(min = 1, max = 20) Map<@NotNull @Pattern(regexp = Evaluation.INDICATOR) String,
                @NotNull @Min(0) @Max(100) Integer> points,
        @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal score,
        @NotNull Boolean belowThreshold) {

    /** An index indicator's name, as configured; it is a key of {@code points}, so never '.' or '$'. */
    public static final String INDICATOR = "[a-z][A-Za-z0-9]{0,31}";

    /** The same evaluation with its score at two decimals, to compare what a client sent with what is stored. */
    Evaluation normalised() {
        return new Evaluation(period, points, score.setScale(2, RoundingMode.HALF_UP), belowThreshold);
    }
}
