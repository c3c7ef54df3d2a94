package cn.dzn.gateway.clients;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How API keys are hashed, looked up and rotated, and the key of the first national administrator.
 * Blank values fall back to documented development defaults so the embedded default starts on a
 * fresh machine; {@code StartupSecrets} refuses them under the prod profile.
 */
@ConfigurationProperties("dzn.api-keys")
public record ApiKeyProperties(String hashSecret, String adminKey, Duration cacheTtl, Duration rotationGrace) {

    public static final String DEV_HASH_SECRET = "dzn-dev-key-hash-secret-change-me-0123456789";
    public static final String DEV_ADMIN_KEY = "dzn-dev-admin-key-0000000000000000";

    public ApiKeyProperties {
        hashSecret = blank(hashSecret) ? DEV_HASH_SECRET : hashSecret;
        adminKey = blank(adminKey) ? DEV_ADMIN_KEY : adminKey;
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

    public boolean usesDevHashSecret() {
        return DEV_HASH_SECRET.equals(hashSecret);
    }

    public boolean usesDevAdminKey() {
        return DEV_ADMIN_KEY.equals(adminKey);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
