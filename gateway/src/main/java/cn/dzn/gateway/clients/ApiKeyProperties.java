package cn.dzn.gateway.clients;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How API keys are hashed, looked up and rotated, and the key of the first national administrator.
 * Neither secret has a default (see {@code StartupSecrets}): a blank one is refused here too, so
 * that no path through the code hashes or admits keys with a value anybody could know.
 */
@ConfigurationProperties("dzn.api-keys")
public record ApiKeyProperties(String hashSecret, String adminKey, Duration cacheTtl, Duration rotationGrace) {

    public ApiKeyProperties {
        required(hashSecret, "DZN_KEY_HASH_SECRET", "dzn.api-keys.hash-secret");
        required(adminKey, "DZN_ADMIN_KEY", "dzn.api-keys.admin-key");
        // Short: a key revoked on another gateway instance stops working here within it, the
        // bound docs/decisions.md states. It costs one store lookup per key in use per TTL.
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(5) : cacheTtl;
        // Long enough for a bureau to roll the new key out to its systems.
        rotationGrace = rotationGrace == null ? Duration.ofHours(24) : rotationGrace;
        // Another instance may hold a replaced key as current for up to the TTL after the
        // rotation: a grace at least that long lets every instance end it exactly on time.
        if (rotationGrace.compareTo(cacheTtl) < 0) {
            throw new IllegalArgumentException("dzn.api-keys.rotation-grace (" + rotationGrace
                    + ") must be at least dzn.api-keys.cache-ttl (" + cacheTtl + ")");
        }
    }

    private static void required(String value, String variable, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " is not set (" + property + "): refusing to start");
        }
    }
}
