package cn.dzn.zone.targets;

/**
 * What a target's {@code value} means (the seeds use all three): a {@code LEVEL} to reach
 * (深圳 1200亿元 turnover, seed 002 一(二)), an {@code INCREMENT} of new ones over a baseline
 * (深圳 200 new maker spaces, same place), or a {@code GROWTH} in percent over a baseline
 * (广州 institutions +50%, seed 001 一).
 */
public enum TargetKind {
    LEVEL, INCREMENT, GROWTH
}
