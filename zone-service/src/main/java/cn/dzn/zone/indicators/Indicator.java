package cn.dzn.zone.indicators;

import java.math.BigDecimal;

import org.bson.codecs.pojo.annotations.BsonId;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A monitoring indicator (DOMAIN.md, "Monitoring indicators": no official list exists, the set
 * is assembled from zone plans). A {@code RATIO} indicator is reported as numerator and
 * denominator and its value is {@code numerator / denominator × scale} (100 for a percentage).
 * The scale is at most a million (a percentage is 100, per mille 1,000, per 10,000 people
 * 10,000): an unbounded one would make figures of any length.
 */
public record Indicator(
        @BsonId @NotBlank @Pattern(regexp = Indicator.CODE) @Size(max = Indicator.MAX_CODE) String code,
        @NotBlank @Size(max = Indicator.MAX_NAME) String name,
        @NotBlank @Size(max = Indicator.MAX_UNIT) String unit,
        @NotNull Aggregation aggregation,
        boolean nonNegative,
        @Positive @DecimalMax("1000000") @Digits(integer = 7, fraction = 4) BigDecimal scale,
        @Size(max = 100) String numeratorName,
        @Size(max = 100) String denominatorName) {

    /** An indicator's code; wherever one is named (reports, targets, schemes) it is this long at most. */
    public static final String CODE = "[a-z][a-z0-9_]{1,47}";
    public static final int MAX_CODE = 48;
    /** Answers that repeat an indicator's name and unit state these limits. */
    public static final int MAX_NAME = 100;
    public static final int MAX_UNIT = 20;
}
