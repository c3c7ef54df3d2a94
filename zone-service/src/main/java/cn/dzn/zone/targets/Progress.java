package cn.dzn.zone.targets;

import java.math.BigDecimal;

import jakarta.validation.constraints.Size;

/**
 * How far a region is toward a target: the actual figure (the roll-up of verified annual reports
 * for the target's year), the level the target asks for, and their ratio; {@code ratio} is null
 * with a {@code reason} when it cannot be computed (no reports yet, or no baseline to grow from):
 * one of TargetService's two sentences, well under 100 characters.
 */
public record Progress(Target target, BigDecimal actual, int reports, BigDecimal required, BigDecimal ratio,
        @Size(max = 100) String reason) {
}
