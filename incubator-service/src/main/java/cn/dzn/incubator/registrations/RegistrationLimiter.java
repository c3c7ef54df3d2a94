package cn.dzn.incubator.registrations;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A brake on keyless registrations for the whole service instance (issue 17: bursts): a token
 * bucket of {@code dzn.incubator.registrations.burst} submissions (default 60), refilled by
 * {@code per-minute} a minute (default 60). The gateway's per-address limit (10, then one a
 * minute) stops one source; this bounds what many sources together, or a caller reaching the
 * service around the gateway, can store: at most about 86,000 applications a day.
 */
@Component
class RegistrationLimiter {

    private final long capacity;
    private final double perNano;
    private double tokens;
    private long last;

    RegistrationLimiter(@Value("${dzn.incubator.registrations.burst:60}") long burst,
            @Value("${dzn.incubator.registrations.per-minute:60}") long perMinute) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("dzn.incubator.registrations.burst and per-minute must be 1 or more");
        }
        this.capacity = burst;
        this.perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    /** Takes a token: null when one was free, otherwise how long until the next one is. */
    synchronized Duration take() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return null;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }
}
