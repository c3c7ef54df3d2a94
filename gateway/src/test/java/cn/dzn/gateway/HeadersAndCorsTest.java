package cn.dzn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** Security headers on every answer, no server banner, and CORS for the configured origins only. */
class HeadersAndCorsTest extends GatewayTestSupport {

    HttpResponse<String> preflight(String origin) {
        return send(request("/api/zones", null).header("Origin", origin)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "x-api-key, if-match, content-type")
                .method("OPTIONS", BodyPublishers.noBody()));
    }

    @Test
    void answersCarrySecurityHeadersAndNoServerBanner() {
        for (HttpResponse<String> response : java.util.List.of(get("/api/zones", ADMIN_KEY), get("/api/zones", null),
                management("/actuator/health/readiness"))) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Server")).isEmpty();
            assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
        }
    }

    @Test
    void aConfiguredOriginPassesThePreflightAndSeesTheHeadersItNeeds() {
        HttpResponse<String> preflight = preflight("https://staff.most.example.cn");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://staff.most.example.cn");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("x-api-key").contains("if-match");
        assertThat(received()).as("a preflight never reaches a service").isEmpty();

        HttpResponse<String> actual = send(request("/api/zones", ADMIN_KEY).header("Origin", "https://hub.example.org").GET());
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://hub.example.org");
        assertThat(actual.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("ETag");
    }

    @Test
    void anyOtherOriginIsRefused() {
        HttpResponse<String> preflight = preflight("https://evil.example.com");
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> actual = send(request("/api/zones", ADMIN_KEY).header("Origin", "https://evil.example.com").GET());
        assertThat(actual.statusCode()).isEqualTo(403);
        assertThat(received()).isEmpty();
    }
}
