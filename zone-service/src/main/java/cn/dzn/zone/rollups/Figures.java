package cn.dzn.zone.rollups;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import cn.dzn.zone.indicators.Indicator;
import cn.dzn.zone.reports.IndicatorValue;

/**
 * Combines one indicator's reported figures the way the indicator aggregates: a sum, a mean of
 * the values, or a ratio of the summed numerators to the summed denominators (never a sum or
 * mean of ratios). Each report counts once, whichever tiers it belongs to: a 计划单列市 such as
 * 深圳 reports to the nation directly as well as through 广东, and is still one report.
 */
record Figures(BigDecimal value, int reports, BigDecimal numerator, BigDecimal denominator) {

    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);

    static Figures of(Indicator indicator, List<IndicatorValue> figures) {
        if (figures.isEmpty()) {
            return new Figures(null, 0, null, null);
        }
        return switch (indicator.aggregation()) {
            case SUM -> new Figures(sum(figures.stream().map(IndicatorValue::value).toList()), figures.size(), null, null);
            case AVERAGE -> new Figures(sum(figures.stream().map(IndicatorValue::value).toList())
                    .divide(BigDecimal.valueOf(figures.size()), PRECISION), figures.size(), null, null);
            case RATIO -> ratio(indicator, figures);
        };
    }

    private static Figures ratio(Indicator indicator, List<IndicatorValue> figures) {
        BigDecimal numerator = sum(figures.stream().map(IndicatorValue::numerator).toList());
        BigDecimal denominator = sum(figures.stream().map(IndicatorValue::denominator).toList());
        BigDecimal value = denominator.signum() == 0 ? null
                : numerator.multiply(indicator.scale()).divide(denominator, PRECISION);
        return new Figures(value, figures.size(), numerator, denominator);
    }

    private static BigDecimal sum(List<BigDecimal> numbers) {
        return numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
