package cn.dzn.zone.indicators;

/**
 * How an indicator's figures for several regions combine into one: a sum (turnover, counts), a
 * plain mean, or a ratio recomputed from the summed numerators and denominators (shares and
 * intensities, whose own values must never be added or averaged).
 */
public enum Aggregation {
    SUM, AVERAGE, RATIO
}
