package cn.dzn.zone.targets;

import java.math.BigDecimal;

/**
 * How far a region is toward a target: the actual figure (the roll-up of verified annual reports
 * for the target's year), the level the target asks for, and their ratio; {@code ratio} is null
 * with a {@code reason} when it cannot be computed (no reports yet, or no baseline to grow from).
 */
public record Progress(Target target, BigDecimal actual, int reports, BigDecimal required, BigDecimal ratio,
        String reason) {
}
