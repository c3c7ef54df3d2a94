package cn.dzn.zone.evaluation;

import java.math.BigDecimal;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.zone.indicators.Indicator;
import cn.dzn.zone.periods.Period;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The national evaluation scheme for one period (seed 004 §七: "监测评价机制…周期性绩效考核"; the seed
 * sets no criteria, so national staff define them here): weighted indicators, each scored
 * 0–1 across the zones by min–max normalisation, the zone's score being the weighted mean × 100.
 */
public record Scheme(
        @BsonId @NotNull @Pattern(regexp = Period.FORMAT, message = Period.FORMAT_MESSAGE)
        @Size(max = Period.MAX_LENGTH) String period,
        @NotEmpty @Size(max = Scheme.MAX_WEIGHTS) List<@NotNull @Valid Weight> weights,
        @Size(max = 2000) String note,
        Long version) {

    /** A ranking row lists the scheme's indicators it has no figure for: at most this many. */
    public static final int MAX_WEIGHTS = 30;

    /** {@code lowerIsBetter}: true for indicators where less is the better result (default false). */
    /** A weight is a share, at most 100, with six decimals at most (1e309 was once stored). */
    public record Weight(@NotBlank @Size(max = Indicator.MAX_CODE) String indicator,
            @NotNull @Positive @DecimalMax("100") @Digits(integer = 3, fraction = 6) BigDecimal weight,
            Boolean lowerIsBetter) {
    }
}
