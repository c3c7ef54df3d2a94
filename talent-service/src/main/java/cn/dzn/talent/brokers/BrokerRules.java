package cn.dzn.talent.brokers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.dzn.platform.errors.FieldError;

/**
 * The 科技伯乐 evaluation index and the dynamic exit (seed 001 §10: "建立和完善科技伯乐考核评价指标体系
 * 和动态退出机制，对做出突出贡献的优秀科技伯乐…给予奖励"): pure, so every rule is tested on its own
 * (BrokerRulesTest). A period's score is the weighted mean of its points; a broker whose last
 * {@code exitAfter} evaluations in a row fell below the threshold exits, the reason naming them;
 * an active broker whose latest score reaches the award score is flagged as outstanding.
 */
public final class BrokerRules {

    /** What the history says: the exit (null when none) and whether the broker is flagged for award. */
    public record Decision(String exitReason, boolean outstanding, int evaluationsAfterExit) {

        public boolean exits() {
            return exitReason != null;
        }
    }

    private final BrokerIndexProperties index;

    public BrokerRules(BrokerIndexProperties index) {
        this.index = index;
    }

    /** The weighted mean of the points, to two decimals (half up). */
    public BigDecimal score(Map<String, Integer> points) {
        long weighted = 0;
        long weights = 0;
        for (Map.Entry<String, Integer> weight : index.weights().entrySet()) {
            weighted += (long) weight.getValue() * points.getOrDefault(weight.getKey(), 0);
            weights += weight.getValue();
        }
        return BigDecimal.valueOf(weighted).divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
    }

    /** A period's evaluation as the server scores it. */
    public Evaluation evaluate(String period, Map<String, Integer> points) {
        BigDecimal score = score(points);
        return new Evaluation(period, points, score, score.compareTo(BigDecimal.valueOf(index.threshold())) < 0);
    }

    /** The points name every indicator of the index and nothing else. */
    public void checkPoints(Map<String, Integer> points, String field, List<FieldError> errors) {
        Set<String> missing = new TreeSet<>(index.weights().keySet());
        missing.removeAll(points.keySet());
        Set<String> unknown = new TreeSet<>(points.keySet());
        unknown.removeAll(index.weights().keySet());
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            errors.add(new FieldError(field, "must give points on exactly the index's indicators "
                    + index.weights().keySet() + (missing.isEmpty() ? "" : "; missing " + missing)
                    + (unknown.isEmpty() ? "" : "; not in the index " + unknown)));
        }
    }

    /**
     * The evaluations already stored stay as they are; each one added follows the last, in a
     * period that has begun and of the same kind (years or quarters), scored as the server
     * scores it under the index as configured now.
     */
    public void checkHistory(List<Evaluation> stored, List<Evaluation> written, LocalDate today, List<FieldError> errors) {
        for (int i = 0; i < stored.size(); i++) {
            if (i >= written.size() || !stored.get(i).normalised().equals(written.get(i).normalised())) {
                errors.add(new FieldError("evaluations[" + i + "]", "an evaluation once recorded does not change; "
                        + "new ones are added after the " + stored.size() + " stored"));
                return;
            }
        }
        for (int i = stored.size(); i < written.size(); i++) {
            checkNew(i == 0 ? null : written.get(i - 1), written.get(i), "evaluations[" + i + "]", today, errors);
        }
    }

    /** One evaluation added after {@code previous} (null for the first). */
    public void checkNew(Evaluation previous, Evaluation next, String field, LocalDate today, List<FieldError> errors) {
        String prefix = field.isEmpty() ? "" : field + ".";
        int[] period = parse(next.period());
        if (start(period).isAfter(today)) {
            errors.add(new FieldError(prefix + "period", next.period() + " has not begun"));
        }
        if (previous != null) {
            int[] before = parse(previous.period());
            if ((before[1] == 0) != (period[1] == 0)) {
                errors.add(new FieldError(prefix + "period", "a broker is evaluated every year or every quarter; "
                        + previous.period() + " and " + next.period() + " mix the two"));
            } else if (!start(period).isAfter(start(before))) {
                errors.add(new FieldError(prefix + "period", next.period() + " does not follow " + previous.period()));
            }
        }
        int before = errors.size();
        checkPoints(next.points(), prefix + "points", errors);
        if (errors.size() > before) {
            return;
        }
        Evaluation scored = evaluate(next.period(), next.points());
        if (scored.score().compareTo(next.score()) != 0 || !scored.belowThreshold().equals(next.belowThreshold())) {
            errors.add(new FieldError(prefix + "score", "the index scores these points " + scored.score()
                    + (scored.belowThreshold() ? ", below" : ", not below") + " the threshold " + index.threshold()));
        }
    }

    /** The exit and the award flag that follow from the history. */
    public Decision decide(List<Evaluation> history) {
        int run = 0;
        for (int i = 0; i < history.size(); i++) {
            run = history.get(i).belowThreshold() ? run + 1 : 0;
            if (run >= index.exitAfter()) {
                List<Evaluation> below = history.subList(i + 1 - run, i + 1);
                String reason = "evaluated below the threshold in " + run + " periods in a row ("
                        + below.stream().map(e -> e.period() + ": " + e.score().setScale(2, RoundingMode.HALF_UP))
                                .collect(Collectors.joining(", "))
                        + "); exit after " + index.exitAfter() + " under the dynamic exit of seed 001 §10";
                return new Decision(reason, false, history.size() - 1 - i);
            }
        }
        Evaluation latest = history.isEmpty() ? null : history.get(history.size() - 1);
        boolean outstanding = latest != null
                && latest.score().compareTo(BigDecimal.valueOf(index.outstandingScore())) >= 0;
        return new Decision(null, outstanding, 0);
    }

    /**
     * What the broker's standing must be after its history: EXITED with a reason when the exit
     * rule says so and only then; WITHDRAWN with a reason; ACTIVE without one; flagged exactly
     * when active and outstanding.
     */
    public void checkStanding(BrokerInput broker, List<FieldError> errors) {
        Decision decision = decide(broker.history());
        if (decision.evaluationsAfterExit() > 0) {
            errors.add(new FieldError("evaluations", "the broker exited; no evaluation follows: " + decision.exitReason()));
            return;
        }
        boolean reasoned = broker.exitReason() != null && !broker.exitReason().isBlank();
        if (decision.exits() && broker.status() != BrokerStatus.EXITED) {
            errors.add(new FieldError("status", "must be EXITED: " + decision.exitReason()));
        } else if (!decision.exits() && broker.status() == BrokerStatus.EXITED) {
            errors.add(new FieldError("status", "only the exit rule makes a broker EXITED: fewer than "
                    + index.exitAfter() + " evaluations in a row below the threshold " + index.threshold()));
        } else if (broker.status() != BrokerStatus.ACTIVE && !reasoned) {
            errors.add(new FieldError("exitReason", "says why the broker left the programme; required"));
        } else if (broker.status() == BrokerStatus.ACTIVE && broker.exitReason() != null) {
            errors.add(new FieldError("exitReason", "belongs to a broker who left the programme only"));
        }
        boolean flagged = decision.outstanding() && broker.status() == BrokerStatus.ACTIVE;
        if (Boolean.TRUE.equals(broker.outstanding()) != flagged) {
            errors.add(new FieldError("outstanding", "must be " + flagged + ": flagged for award when active and the "
                    + "latest score reaches " + index.outstandingScore()));
        }
    }

    /** {year, quarter}, quarter 0 for a year; the format is checked by the record's constraint. */
    private static int[] parse(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        return new int[] {year, period.length() > 4 ? period.charAt(5) - '0' : 0};
    }

    private static LocalDate start(int[] period) {
        return LocalDate.of(period[0], period[1] == 0 ? 1 : (period[1] - 1) * 3 + 1, 1);
    }

    /** The history with {@code next} added after it. */
    static List<Evaluation> plus(List<Evaluation> history, Evaluation next) {
        List<Evaluation> all = new ArrayList<>(history);
        all.add(next);
        return all;
    }
}
