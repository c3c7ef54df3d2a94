package cn.dzn.bench;

/**
 * One measured figure against the baseline measured in the same run. {@code higherIsBetter}
 * decides which way the target reads: a rate must reach {@code target} × baseline, a latency
 * must stay below it.
 */
record Figure(String name, String unit, double baseline, double measured, double target, boolean higherIsBetter,
        String note) {

    double ratio() {
        return measured / baseline;
    }

    boolean met() {
        return higherIsBetter ? ratio() >= target : ratio() <= target;
    }

    String targetText() {
        return (higherIsBetter ? "≥ " : "≤ ") + target + "×";
    }
}
