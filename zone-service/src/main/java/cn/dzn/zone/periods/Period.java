package cn.dzn.zone.periods;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.dzn.platform.errors.FieldError;

/**
 * A reporting period: a year ({@code 2025}) or a quarter of one ({@code 2025Q3}), and the one
 * range of years every part of the service accepts (issue 14: reports took 0001 while annual
 * reports took 2000–2100). 2000 is before the first zone was approved (2018, seed 004) and
 * leaves room for back-filled statistics; 2100 bounds typing errors.
 */
public record Period(int year, Integer quarter) {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    public static final String FORMAT = "(20\\d\\d|2100)(Q[1-4])?";
    /** The longest period FORMAT allows ({@code 2025Q3}), for the document of every period. */
    public static final int MAX_LENGTH = 6;
    public static final String FORMAT_MESSAGE = "must be a year from 2000 to 2100 like 2025, or a quarter like 2025Q3";
    public static final String YEAR_MESSAGE = "must be from 2000 to 2100";
    private static final Pattern PARSE = Pattern.compile("(20\\d\\d|2100)(?:Q([1-4]))?");

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
