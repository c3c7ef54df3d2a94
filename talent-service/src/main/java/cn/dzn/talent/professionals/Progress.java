package cn.dzn.talent.professionals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Professionals counted against the talent targets: {@code tiers} is the asked region and every
 * region above it up to the nation, {@code within} every region below it that has a target.
 */
public record Progress(String region, List<RegionProgress> tiers, List<RegionProgress> within) {

    /**
     * One region's count, by level; {@code target}, its {@code source} and {@code percent} of it
     * reached when the region has one (null otherwise).
     */
    public record RegionProgress(String regionCode, String tier, long professionals, Map<Level, Long> byLevel,
            Integer target, String source, BigDecimal percent) {
    }
}
