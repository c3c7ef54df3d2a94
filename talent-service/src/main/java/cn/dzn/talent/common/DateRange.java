package cn.dzn.talent.common;

import java.time.LocalDate;
import java.util.List;

import cn.dzn.platform.errors.FieldError;

/** The one rule for every term with a start and an end: the end is not before the start. */
public final class DateRange {

    private DateRange() {
    }

    public static void check(LocalDate from, LocalDate to, String field, List<FieldError> errors) {
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError(field, "ends on " + to + ", before it starts on " + from));
        }
    }
}
