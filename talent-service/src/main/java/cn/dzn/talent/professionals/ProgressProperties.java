package cn.dzn.talent.professionals;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.dzn.platform.regions.RegionCode;

/**
 * The talent targets the seeds set ({@code dzn.talent.progress.targets}), each with the clause
 * it comes from; progress is shown against them.
 */
@ConfigurationProperties("dzn.talent.progress")
public record ProgressProperties(List<Target> targets) {

    static final int MAX_TARGETS = 100;
    static final int MAX_SOURCE = 200;

    public ProgressProperties {
        targets = targets == null ? List.of() : List.copyOf(targets);
        if (targets.size() > MAX_TARGETS) {
            throw new IllegalArgumentException("dzn.talent.progress.targets: at most " + MAX_TARGETS);
        }
    }

    /** {@code professionals} to be trained in {@code region}, as {@code source} says. */
    public record Target(String region, int professionals, String source) {

        public Target {
            RegionCode.of(region);
            if (professionals < 1 || source == null || source.isBlank() || source.length() > MAX_SOURCE) {
                throw new IllegalArgumentException("a talent target names a positive number and its source (at most " + MAX_SOURCE + " characters): " + region);
            }
        }
    }
}
