package cn.dzn.zone.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.dzn.platform.errors.FieldError;

/** A reporting period: a year ({@code 2025}) or a quarter of one ({@code 2025Q3}). */
public record Period(int year, Integer quarter) {

    public static final String FORMAT = "\\d{4}(Q[1-4])?";
    private static final Pattern PARSE = Pattern.compile("(\\d{4})(?:Q([1-4]))?");

    /** Null when {@code text} is not a period. */
    public static Period parse(String text) {
        Matcher m = text == null ? null : PARSE.matcher(text);
        if (m == null || !m.matches()) {
            return null;
        }
        return new Period(Integer.parseInt(m.group(1)), m.group(2) == null ? null : Integer.parseInt(m.group(2)));
    }

    /** Refuses a period that has not begun: nobody reports or publishes for the future. */
    public static void checkStarted(String text, Clock clock, List<FieldError> errors) {
        Period period = parse(text);
        if (period != null && period.start().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("period", "lies in the future: " + period + " starts on " + period.start()));
        }
    }

    public LocalDate start() {
        return LocalDate.of(year, quarter == null ? 1 : (quarter - 1) * 3 + 1, 1);
    }

    public boolean isQuarter() {
        return quarter != null;
    }

    @Override
    public String toString() {
        return quarter == null ? Integer.toString(year) : year + "Q" + quarter;
    }
}
