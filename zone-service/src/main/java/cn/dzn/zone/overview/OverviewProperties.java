package cn.dzn.zone.overview;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Resilience of the overview's calls: each call gets {@code timeLimit}; a breaker opens for
 * {@code openFor} when {@code failureRateThreshold}% of at least {@code minimumCalls} failed.
 */
@ConfigurationProperties("dzn.overview")
public record OverviewProperties(Duration timeLimit, float failureRateThreshold, int minimumCalls, Duration openFor) {
}
