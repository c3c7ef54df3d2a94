package cn.dzn.bench;

/**
 * One measured figure against the baseline measured in the same run. {@code goal} decides how
 * the target reads: a rate must reach {@code target} × baseline, a latency stay below it, an
 * added latency stay below {@code target} in the figure's unit, an absolute one (a lag the issue
 * bounds in seconds) below {@code target} itself; an informational row has none.
 */
record Figure(String name, String unit, double baseline, double measured, double target, Goal goal, String note) {

    enum Goal {
        AT_LEAST, AT_MOST, ADDED_AT_MOST, ABSOLUTE_AT_MOST, NONE
    }

    Figure(String name, String unit, double baseline, double measured, double target, boolean higherIsBetter,
            String note) {
        this(name, unit, baseline, measured, target, higherIsBetter ? Goal.AT_LEAST : Goal.AT_MOST, note);
    }

    /** A row printed for context (the issue asks for it) that carries no target of its own. */
    static Figure info(String name, String unit, double baseline, double measured, String note) {
        return new Figure(name, unit, baseline, measured, 0, Goal.NONE, note);
    }

    double ratio() {
        return measured / baseline;
    }

    boolean met() {
        return switch (goal) {
            case AT_LEAST -> ratio() >= target;
            case AT_MOST -> ratio() <= target;
            case ADDED_AT_MOST -> measured - baseline <= target;
            case ABSOLUTE_AT_MOST -> measured <= target;
            case NONE -> true;
        };
    }

    String targetText() {
        return switch (goal) {
            case AT_LEAST -> "≥ " + target + "×";
            case AT_MOST -> "≤ " + target + "×";
            case ADDED_AT_MOST -> "≤ +" + target + " " + unit;
            case ABSOLUTE_AT_MOST -> "≤ " + target + " " + unit;
            case NONE -> "—";
        };
    }

    String verdict() {
        return goal == Goal.NONE ? "" : met() ? "met" : "MISSED";
    }
}
