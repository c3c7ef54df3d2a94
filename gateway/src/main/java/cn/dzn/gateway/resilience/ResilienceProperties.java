package cn.dzn.gateway.resilience;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the gateway waits for each route's service, and when it stops trying for a while.
 * Every route has its own breaker (named after the route), so one failing service never makes
 * the gateway refuse the others. {@code requestTimeLimit}: how long a client may take to send a
 * whole request, body included, so a slow upload cannot hold a service's connection and thread.
 */
@ConfigurationProperties("dzn.resilience")
public record ResilienceProperties(Duration timeLimit, Map<String, Duration> timeLimits, Breaker breaker,
        Duration requestTimeLimit) {

    public ResilienceProperties {
        timeLimit = timeLimit == null ? Duration.ofSeconds(10) : timeLimit;
        requestTimeLimit = requestTimeLimit == null ? Duration.ofSeconds(30) : requestTimeLimit;
        timeLimits = timeLimits == null ? Map.of() : Map.copyOf(timeLimits);
        breaker = breaker == null ? new Breaker(50, 20, 10, Duration.ofSeconds(10), 3) : breaker;
    }

    public Duration timeLimitOf(String route) {
        return timeLimits.getOrDefault(route, timeLimit);
    }

    /**
     * Opens when {@code failureRate} percent of the last {@code slidingWindow} calls failed (once
     * at least {@code minimumCalls} were made), stays open {@code openFor}, then lets
     * {@code halfOpenCalls} through to see whether the service is back.
     */
    public record Breaker(int failureRate, int slidingWindow, int minimumCalls, Duration openFor, int halfOpenCalls) {

        /** Whole seconds for Retry-After: when an open breaker lets calls through again. */
        public long retryAfterSeconds() {
            return Math.max(1, (openFor.toMillis() + 999) / 1000);
        }
    }
}
