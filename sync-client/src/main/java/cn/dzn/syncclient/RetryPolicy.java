package cn.dzn.syncclient;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long one request may take and how often, and how far apart, it is tried. Bounded on
 * purpose: when the network stays away, the bureau's scheduler should see a failure and run the
 * (idempotent) push again later, rather than a client that hangs for hours.
 */
record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff, Duration timeout) {

    static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(10),
            Duration.ofSeconds(60));

    RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more");
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be 0 or more, the maximum at least the first");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
    }

    /**
     * The pause before try {@code attempt} (2 for the first retry): doubling from the first backoff
     * up to the maximum, then jittered into its upper half so that many bureaus retrying after
     * the same outage do not arrive in lockstep. A server's Retry-After is honoured up to the maximum.
     */
    Duration backoffBefore(int attempt, Duration retryAfter) {
        long base = firstBackoff.toMillis();
        long capped = Math.min(maxBackoff.toMillis(), base << Math.min(attempt - 2, 30));
        long delay = capped <= 1 ? capped : capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        if (retryAfter != null) {
            delay = Math.max(delay, Math.min(retryAfter.toMillis(), maxBackoff.toMillis()));
        }
        return Duration.ofMillis(delay);
    }
}
