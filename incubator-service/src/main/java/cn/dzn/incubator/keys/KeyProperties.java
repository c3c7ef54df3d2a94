package cn.dzn.incubator.keys;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where incubators' own keys are issued: the gateway's management port, {@code DZN_GATEWAY_INTERNAL_URL}
 * (e.g. {@code http://gateway:8090}; the launcher gives {@code http://127.0.0.1:<its management port>}).
 * Unset, approvals still work and say that no key could be issued; set to anything but an absolute
 * http(s) URL, the service refuses to start rather than fail at the first approval.
 *
 * @param gatewayUrl the base URL, or blank for none
 * @param sweepEvery how often the keys of incubators that closed or are gone are looked for and
 *        revoked at the gateway too ({@link ClosedIncubatorSweep}); 30 s unset, at least 1 s
 */
@ConfigurationProperties("dzn.incubator.keys")
public record KeyProperties(String gatewayUrl, Duration sweepEvery) {

    public KeyProperties {
        sweepEvery = sweepEvery == null ? Duration.ofSeconds(30) : sweepEvery;
        if (sweepEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("dzn.incubator.keys.sweep-every must be at least 1s, not " + sweepEvery);
        }
        gatewayUrl = gatewayUrl == null ? "" : gatewayUrl.strip();
        if (!gatewayUrl.isEmpty() && !isHttpUrl(gatewayUrl)) {
            throw new IllegalArgumentException("DZN_GATEWAY_INTERNAL_URL (dzn.incubator.keys.gateway-url) must be "
                    + "the gateway's management URL, e.g. http://gateway:8090, not " + gatewayUrl);
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getScheme().matches("https?") && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The gateway's base URL, or null when none is configured. */
    public URI gateway() {
        return gatewayUrl.isEmpty() ? null : URI.create(gatewayUrl);
    }
}
