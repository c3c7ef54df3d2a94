package cn.dzn.platform.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The short-lived token the gateway hands to the services. HMAC-SHA-256 with a secret shared by
 * the gateway and the services: they sit inside one trust boundary and no third party verifies it.
 */
@ConfigurationProperties("dzn.internal-token")
public record InternalTokenProperties(String secret, String issuer, Duration lifetime) {

    /** Development secret for the embedded default only; the prod profile refuses it. */
    public static final String DEV_SECRET = "dzn-dev-internal-token-secret-change-me-0123456789";

    public InternalTokenProperties {
        secret = secret == null || secret.isBlank() ? DEV_SECRET : secret;
        issuer = issuer == null ? "dzn-gateway" : issuer;
        lifetime = lifetime == null ? Duration.ofMinutes(5) : lifetime;
        if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("dzn.internal-token.secret must be at least 32 bytes");
        }
    }

    public boolean usesDevSecret() {
        return DEV_SECRET.equals(secret);
    }
}
