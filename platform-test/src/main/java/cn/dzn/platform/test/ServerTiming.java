package cn.dzn.platform.test;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a W3C Server-Timing header ({@code name;dur=1.23, other;dur=4.5}), as tests and the bench do. */
public final class ServerTiming {

    private ServerTiming() {
    }

    /** Each metric's duration in milliseconds, in the header's order; metrics without one are left out. */
    public static Map<String, Double> durations(String header) {
        Map<String, Double> durations = new LinkedHashMap<>();
        for (String metric : header.split(",\\s*")) {
            String[] nameAndDuration = metric.split(";dur=");
            if (nameAndDuration.length == 2) {
                durations.put(nameAndDuration[0].strip(), Double.parseDouble(nameAndDuration[1]));
            }
        }
        return durations;
    }
}
