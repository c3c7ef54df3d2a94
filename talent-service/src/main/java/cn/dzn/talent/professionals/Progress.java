package cn.dzn.talent.professionals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.dzn.platform.regions.Tier;
import cn.dzn.talent.common.Formats;
import jakarta.validation.constraints.Size;

/**
 * Professionals counted against the talent targets: {@code tiers} is the asked region and every
 * region above it up to the nation, {@code within} every region below it that has a target.
 */
public record Progress(
        @Size(max = Formats.REGION_LENGTH) String region,
        @Size(max = 4) List<RegionProgress> tiers,
        @Size(max = ProgressProperties.MAX_TARGETS) List<RegionProgress> within) {

    /**
     * One region's count, by level; {@code target}, its {@code source} and {@code percent} of it
     * reached when the region has one (null otherwise).
     */
    public record RegionProgress(
            @Size(max = Formats.REGION_LENGTH) String regionCode,
            Tier tier,
            long professionals,
            Map<Level, Long> byLevel,
            Integer target,
            @Size(max = ProgressProperties.MAX_SOURCE) String source,
            BigDecimal percent) {
    }
}
