package cn.dzn.zone.reports;

import java.math.BigDecimal;

import cn.dzn.zone.indicators.Indicator;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One indicator's figure in a report. A sum or average indicator gives {@code value}; a ratio
 * indicator gives {@code numerator} and {@code denominator}, and its value is derived from them.
 * {@code unit}, when given, must be the indicator's own.
 */
public record IndicatorValue(
        @NotBlank @Size(max = Indicator.MAX_CODE) String indicator,
        @Digits(integer = 15, fraction = 4) BigDecimal value,
        @Size(max = Indicator.MAX_UNIT) String unit,
        @Digits(integer = 15, fraction = 4) BigDecimal numerator,
        @Digits(integer = 15, fraction = 4) BigDecimal denominator) {
}
