package cn.dzn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.dzn.launcher.ChildProcess;
import cn.dzn.launcher.Suite;

/**
 * Footprint: each service's and the gateway's start-up time and resident set (VmRSS from /proc,
 * through the launcher's ChildProcess) after start and after every other figure's load. The
 * suite starts all five JVMs at once on two cores, so their cold start measures the crowd; the
 * budget (≤ 8 s) is read from a restart of each part alone at the end, on the warm, idle suite:
 * stopped as an operator would, it starts again with the class archive its first run left.
 * Start-up is the service's own "Started … (process running for X)": process start to ready,
 * JVM start included. Each row's baseline is its budget, so the ratio reads as budget used.
 */
final class Footprint {

    private static final Pattern STARTED = Pattern.compile("Started \\S+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");
    private static final double START_BUDGET_S = 8;
    private static final double RSS_BUDGET_MB = 350;

    private final Suite suite;
    private final Map<String, Double> crowdStart = new LinkedHashMap<>();
    private final Map<String, Long> rssAfterStart = new LinkedHashMap<>();

    Footprint(Suite suite) {
        this.suite = suite;
    }

    void afterStart() throws IOException {
        for (Map.Entry<String, ChildProcess> part : suite.parts().entrySet()) {
            crowdStart.put(part.getKey(), lastStart(part.getValue().log()));
            rssAfterStart.put(part.getKey(), part.getValue().rssMegabytes());
        }
    }

    /** {@code alone}: restart each part by itself for its start-up (the --quick run skips that). */
    List<Figure> afterLoad(boolean alone) throws IOException {
        Map<String, Long> rssAfterLoad = new LinkedHashMap<>();
        suite.parts().forEach((name, part) -> rssAfterLoad.put(name, part.rssMegabytes()));
        List<Figure> figures = new ArrayList<>();
        for (String name : List.copyOf(suite.parts().keySet())) {
            if (alone) {
                suite.restart(name);
                figures.add(new Figure("Footprint " + name + ": start-up alone", "s", START_BUDGET_S,
                        lastStart(suite.parts().get(name).log()), 1.0, false, String.format("%.1f s when the suite "
                                + "started all five at once; stopped and started alone after the load (with its class archive), readiness probe at %.1f s",
                                crowdStart.get(name), suite.startTimes().get(name).toMillis() / 1000.0)));
            } else {
                figures.add(new Figure("Footprint " + name + ": start-up with the suite", "s", START_BUDGET_S,
                        crowdStart.get(name), 1.0, false, "all five started at once (--quick does not restart)"));
            }
            figures.add(new Figure("Footprint " + name + ": RSS after start", "MB", RSS_BUDGET_MB,
                    rssAfterStart.get(name), 1.0, false, ""));
            figures.add(new Figure("Footprint " + name + ": RSS after load", "MB", RSS_BUDGET_MB,
                    rssAfterLoad.get(name), 1.0, false, ""));
        }
        return figures;
    }

    /** The last start recorded in a part's log (a restart appends to the same file). */
    private static double lastStart(Path log) throws IOException {
        Matcher matcher = STARTED.matcher(Files.readString(log));
        double seconds = -1;
        while (matcher.find()) {
            seconds = Double.parseDouble(matcher.group(1));
        }
        SyncIngest.check(seconds > 0, "no \"Started … (process running for …)\" line in " + log);
        return seconds;
    }
}
