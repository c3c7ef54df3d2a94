package cn.dzn.platform.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The short-lived token the gateway hands to the services. HMAC-SHA-256 with a secret shared by
 * the gateway and the services: they sit inside one trust boundary and no third party verifies it.
 * There is no default secret: one written in the source is one anybody can sign with, so a
 * process without {@code DZN_INTERNAL_TOKEN_SECRET} refuses to start (the launcher generates it).
 */
@ConfigurationProperties("dzn.internal-token")
public record InternalTokenProperties(String secret, String issuer, Duration lifetime) {

    public static final String ENV = "DZN_INTERNAL_TOKEN_SECRET";

    public InternalTokenProperties {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(ENV + " is not set (dzn.internal-token.secret): refusing to start "
                    + "without the secret the gateway and the services share; give every service and the gateway "
                    + "the same random value of at least 32 bytes, e.g. `openssl rand -hex 32`");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException(ENV + " (dzn.internal-token.secret) must be at least 32 bytes");
        }
        issuer = issuer == null ? "dzn-gateway" : issuer;
        lifetime = lifetime == null ? Duration.ofMinutes(5) : lifetime;
    }
}
