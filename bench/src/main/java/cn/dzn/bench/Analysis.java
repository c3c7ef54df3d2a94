package cn.dzn.bench;

/** The part of docs/performance.md that explains the figures; kept by hand, rewritten with them. */
final class Analysis {

    private Analysis() {
    }

    static final String TEXT = """

            ## How to read the figures

            Run `mvn -Pbench -DskipTests verify` for the full run (writes this file) or add
            `-Dbench.args=--quick` for a smoke run that only prints. The benchmark starts its own
            suite on free ports with a fresh store, so it never touches a running one.
            """;
}
