package cn.dzn.gateway.ratelimits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets: every authenticated client has one of its own, and anonymous callers of the
 * public paths (an incubator registering itself) have one per source address. With a Redis URL
 * the buckets live in Redis and every gateway replica draws from the same ones; without, each
 * replica counts in memory.
 */
@ConfigurationProperties("dzn.rate-limits")
public record RateLimitProperties(Limit clients, Limit publicPaths, String redisUrl) {

    public RateLimitProperties {
        // A bureau's batch sync is a handful of requests a second; 100/s leaves room for bursts.
        clients = clients == null ? new Limit(200, Duration.ofMillis(10)) : clients;
        // Registering is a rare act: ten in a row, then one a minute, is plenty for any office.
        publicPaths = publicPaths == null ? new Limit(10, Duration.ofSeconds(60)) : publicPaths;
        redisUrl = redisUrl == null ? "" : redisUrl.strip();
    }

    /** A bucket of {@code burst} requests that regains one request every {@code refillEvery}. */
    public record Limit(int burst, Duration refillEvery) {

        public Limit {
            if (burst < 1 || refillEvery == null || refillEvery.isNegative() || refillEvery.isZero()) {
                throw new IllegalArgumentException("a rate limit needs a burst ≥ 1 and a positive refill-every");
            }
        }

        /** Whole seconds a refused caller should wait before one more request fits. */
        long retryAfterSeconds() {
            return Math.max(1, (refillEvery.toMillis() + 999) / 1000);
        }

        /** How long an untouched bucket takes to fill up again. */
        Duration fullRefill() {
            return refillEvery.multipliedBy(burst);
        }
    }
}
