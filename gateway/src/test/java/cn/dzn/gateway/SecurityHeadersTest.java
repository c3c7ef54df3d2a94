package cn.dzn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Security headers on every answer, whoever wrote it: the service (proxied), Spring Security
 * (401, 403), the dispatcher (404, 400), the body guard before anything else (413), the rate
 * limit (429), the proxy's failure handling (503), the management port. The rate-limit tests'
 * small buckets, so that a fresh client meets its 429 after five requests, and so that this
 * class shares InMemoryRateLimitTest's context instead of starting one of its own.
 */
@TestPropertySource(properties = {RateLimitBehaviour.CLIENT_BURST, RateLimitBehaviour.CLIENT_REFILL,
    RateLimitBehaviour.PUBLIC_BURST, RateLimitBehaviour.PUBLIC_REFILL})
class SecurityHeadersTest extends GatewayTestSupport {

    /**
     * Swagger UI loads its own scripts, styles and data: images, and fetches the documents; the
     * one inline style it writes (its logo's colours) is allowed by its hash, checked below.
     */
    static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"\\./?([^\"]+)\"");
    /** A style element React writes, as the bundles spell it: createElement("style",null,"..."). */
    private static final Pattern INLINE_STYLE = Pattern.compile("createElement\\(\"style\",null,\"([^\"]*)\"\\)");

    @Test
    void noAnswerGoesOutWithoutTheSecurityHeaders() {
        String key = newCityKey();
        SoftAssertions softly = new SoftAssertions();

        SecurityHeaders.assertOn(softly, "200 proxied", expect(200, get("/api/zones", key)));
        SecurityHeaders.assertOn(softly, "200 the gateway's own", expect(200, get("/api/clients?limit=1", ADMIN_KEY)));
        SecurityHeaders.assertOn(softly, "200 a service's document", expect(200, get("/v3/api-docs/zone", null)));
        SecurityHeaders.assertOn(softly, "400", expect(400, post("/api/clients", ADMIN_KEY, "{\"name\":")));
        SecurityHeaders.assertOn(softly, "401", expect(401, get("/api/zones", null)));
        SecurityHeaders.assertOn(softly, "401 unknown key", expect(401, get("/api/zones", "dzn_no-such-key")));
        SecurityHeaders.assertOn(softly, "403", expect(403, get("/api/clients", key)));
        SecurityHeaders.assertOn(softly, "404", expect(404, get("/api/nothing-here", ADMIN_KEY)));
        SecurityHeaders.assertOn(softly, "413 declared", expect(413, RawHttp.exchange(port,
                "POST /api/zones HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + key
                        + "\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n", new byte[0])));
        SecurityHeaders.assertOn(softly, "management port", expect(200, management("/actuator/health/readiness")));

        String limited = newCityKey();
        for (int i = 0; i < RateLimitBehaviour.BURST; i++) {
            assertThat(get("/api/zones", limited).statusCode()).isEqualTo(200);
        }
        SecurityHeaders.assertOn(softly, "429", expect(429, get("/api/zones", limited)));

        INCUBATOR.stop();
        SecurityHeaders.assertOn(softly, "503", expect(503, get("/api/incubators", key)));
        softly.assertAll();
    }

    /**
     * Its pages get a policy of their own: scripts and styles from the gateway itself. Checked in
     * Chromium by hand when this was written: the page renders, with no violation in its console.
     */
    @Test
    void swaggerUiRendersItsOwnAssetsUnderAPolicyThatRefusesEverythingElse() {
        HttpResponse<String> entry = get("/swagger-ui.html", null);
        URI location = entry.statusCode() / 100 == 3 ? URI.create(entry.headers().firstValue("Location").orElseThrow())
                : URI.create("/swagger-ui.html");
        String page = location.getRawPath();
        HttpResponse<String> index = expect(200, get(location.getRawQuery() == null ? page
                : page + "?" + location.getRawQuery(), null));
        assertThat(index.body()).contains("<div id=\"swagger-ui\">");

        SoftAssertions softly = new SoftAssertions();
        SecurityHeaders.assertOn(softly, "Swagger UI " + page, name -> index.headers().firstValue(name),
                SWAGGER_UI_POLICY);
        String base = page.substring(0, page.lastIndexOf('/') + 1);
        List<String> assets = new ArrayList<>();
        Matcher asset = ASSET.matcher(index.body());
        while (asset.find()) {
            assets.add(base + asset.group(1));
        }
        assertThat(assets).anyMatch(path -> path.endsWith(".js")).anyMatch(path -> path.endsWith(".css"))
                .anyMatch(path -> path.endsWith("swagger-initializer.js"));
        for (String path : assets) {
            HttpResponse<String> served = get(path, null);
            softly.assertThat(served.statusCode()).as(path).isEqualTo(200);
            softly.assertThat(served.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        // The initializer points the page at the gateway's own list of documents (same origin).
        softly.assertThat(get(base + "swagger-initializer.js", null).body()).contains("/v3/api-docs/swagger-config");
        // Every inline style the scripts write is allowed by its hash, or a Swagger UI upgrade
        // would lose it to the policy (a browser says so only in its console).
        List<String> styles = new ArrayList<>();
        for (String script : assets.stream().filter(path -> path.endsWith(".js")).toList()) {
            Matcher style = INLINE_STYLE.matcher(get(script, null).body());
            while (style.find()) {
                styles.add(style.group(1));
            }
        }
        softly.assertThat(styles).as("inline styles in Swagger UI's scripts").isNotEmpty();
        for (String style : styles) {
            softly.assertThat(SWAGGER_UI_POLICY).as(style).contains("'sha256-" + sha256(style) + "'");
        }
        softly.assertAll();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T expect(int status, T answer) {
        int actual = answer instanceof RawHttp raw ? raw.status() : ((HttpResponse<?>) answer).statusCode();
        assertThat(actual).as("%s", answer instanceof HttpResponse<?> response ? response.body() : answer)
                .isEqualTo(status);
        return answer;
    }

    private String newCityKey() {
        HttpResponse<String> created = post("/api/clients", ADMIN_KEY,
                "{\"name\":\"深圳市科技创新委 " + UUID.randomUUID() + "\",\"regionCode\":\"440300\",\"roles\":[\"READ\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("apiKey").asString();
    }
}
