package cn.dzn.zone.targets;

import java.math.BigDecimal;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.platform.regions.Region;
import cn.dzn.zone.indicators.Indicator;
import cn.dzn.zone.periods.Period;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A target for one region, indicator and year, in the indicator's unit. {@code maxValue} closes
 * a range (深圳 "5 到 8 个" institutions); {@code baseline} is the starting figure an increment or
 * a growth is measured from, when known. {@code source} cites where the target comes from.
 */
public record Target(
        @BsonId @Size(max = Target.MAX_ID) String id,
        @NotNull @Region @Size(max = 6) String regionCode,
        @NotBlank @Size(max = Indicator.MAX_CODE) String indicator,
        @NotNull @Min(value = Period.FIRST_YEAR, message = Period.YEAR_MESSAGE) @Max(value = Period.LAST_YEAR, message = Period.YEAR_MESSAGE) Integer year,
        @NotNull TargetKind kind,
        @NotNull @PositiveOrZero BigDecimal value,
        @PositiveOrZero BigDecimal maxValue,
        @PositiveOrZero BigDecimal baseline,
        @Size(max = 300) String source) {

    /** {@code regionCode.indicator.year}: 6 + 1 + {@link Indicator#MAX_CODE} + 1 + 4 characters at most. */
    public static final int MAX_ID = 6 + 1 + Indicator.MAX_CODE + 1 + 4;

    public static String idOf(String regionCode, String indicator, Integer year) {
        return regionCode + "." + indicator + "." + year;
    }
}
