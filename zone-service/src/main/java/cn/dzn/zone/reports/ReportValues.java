package cn.dzn.zone.reports;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.zone.indicators.Aggregation;
import cn.dzn.zone.indicators.Indicator;
import cn.dzn.zone.indicators.IndicatorCatalog;

/**
 * What a report's figures must satisfy against the indicator definitions: a known indicator,
 * once per report, in its own unit, non-negative where it must be, and given the way it
 * aggregates (a value, or for a ratio its numerator and a positive denominator).
 */
class ReportValues {

    private final IndicatorCatalog indicators;

    ReportValues(IndicatorCatalog indicators) {
        this.indicators = indicators;
    }

    void check(List<IndicatorValue> values, List<FieldError> errors) {
        if (values == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            IndicatorValue value = values.get(i);
            if (value == null) {
                continue;
            }
            String at = "values[" + i + "]";
            Optional<Indicator> indicator = indicators.find(value.indicator());
            if (indicator.isEmpty()) {
                errors.add(new FieldError(at + ".indicator", "no indicator " + value.indicator()
                        + " (GET /api/indicators lists them)"));
            } else if (!seen.add(value.indicator())) {
                errors.add(new FieldError(at + ".indicator", value.indicator() + " appears more than once"));
            } else {
                check(indicator.get(), value, at, errors);
            }
        }
    }

    private static void check(Indicator indicator, IndicatorValue value, String at, List<FieldError> errors) {
        if (value.unit() != null && !value.unit().equals(indicator.unit())) {
            errors.add(new FieldError(at + ".unit", indicator.code() + " is reported in " + indicator.unit()
                    + ", not " + value.unit()));
        }
        if (indicator.aggregation() == Aggregation.RATIO) {
            if (value.value() != null) {
                errors.add(new FieldError(at + ".value", indicator.code()
                        + " is a ratio: give numerator and denominator, its value follows from them"));
            }
            required(value.numerator(), at + ".numerator", errors);
            required(value.denominator(), at + ".denominator", errors);
            if (value.denominator() != null && value.denominator().signum() <= 0) {
                errors.add(new FieldError(at + ".denominator", "must be above zero"));
            }
        } else {
            required(value.value(), at + ".value", errors);
            if (value.numerator() != null || value.denominator() != null) {
                errors.add(new FieldError(at + ".numerator", indicator.code() + " takes a value, not a ratio"));
            }
        }
        if (indicator.nonNegative()) {
            negative(value.value(), at + ".value", errors);
            negative(value.numerator(), at + ".numerator", errors);
        }
    }

    private static void required(BigDecimal number, String field, List<FieldError> errors) {
        if (number == null) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static void negative(BigDecimal number, String field, List<FieldError> errors) {
        if (number != null && number.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        }
    }
}
