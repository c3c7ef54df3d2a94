package cn.dzn.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;

/** The table the benchmark prints, and docs/performance.md. */
record Report(List<Figure> figures, boolean quick, String args) {

    String table() {
        StringBuilder out = new StringBuilder(machine()).append('\n');
        out.append(String.format("%-62s %-10s %12s %12s %8s %12s %s%n", "figure", "unit", "baseline", "measured", "ratio", "target", ""));
        for (Figure f : figures) {
            out.append(String.format("%-62s %-10s %12.2f %12.2f %7.2f× %12s %s%n", f.name(), f.unit(), f.baseline(), f.measured(),
                    f.ratio(), f.targetText(), f.verdict()));
        }
        for (Figure f : figures) {
            if (!f.note().isEmpty()) {
                out.append("  - ").append(f.name()).append(": ").append(f.note()).append('\n');
            }
        }
        return out.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Performance\n\n");
        md.append("Written by `mvn -Pbench -DskipTests verify` (the `bench` module) on ").append(LocalDate.now())
                .append(". Every figure is a ratio against a baseline measured in the same run, because this\n")
                .append("machine is shared and noisy; absolute numbers are printed too. ").append(machine())
                .append(".\n\n| figure | unit | baseline | measured | ratio | target | |\n|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append(String.format("| %s | %s | %.2f | %.2f | %.2f× | %s | %s |%n", f.name(), f.unit(), f.baseline(),
                    f.measured(), f.ratio(), f.targetText(), f.met() ? f.verdict() : "**missed**"));
        }
        md.append('\n');
        for (Figure f : figures.stream().filter(f -> !f.note().isEmpty()).toList()) {
            md.append("- **").append(f.name()).append("**: ").append(f.note()).append('\n');
        }
        md.append(Analysis.TEXT);
        return md.toString();
    }

    static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1024 * 1024 * 1024);
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memory + " GiB, Java "
                + System.getProperty("java.version");
    }
}
