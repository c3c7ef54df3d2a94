package cn.dzn.zone.indicators;

import java.math.BigDecimal;

import org.bson.codecs.pojo.annotations.BsonId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A monitoring indicator (DOMAIN.md, "Monitoring indicators": no official list exists, the set
 * is assembled from zone plans). A {@code RATIO} indicator is reported as numerator and
 * denominator and its value is {@code numerator / denominator × scale} (100 for a percentage).
 */
public record Indicator(
        @BsonId @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{1,47}") String code,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 20) String unit,
        @NotNull Aggregation aggregation,
        boolean nonNegative,
        @Positive BigDecimal scale,
        @Size(max = 100) String numeratorName,
        @Size(max = 100) String denominatorName) {
}
