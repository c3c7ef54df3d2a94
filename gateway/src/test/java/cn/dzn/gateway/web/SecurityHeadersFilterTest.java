package cn.dzn.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/** What the gateway's tests over plain HTTP cannot show: HSTS over HTTPS, and a service's own values replaced. */
class SecurityHeadersFilterTest {

    private final SecurityHeadersFilter filter = new SecurityHeadersFilter();

    @Test
    void noAnswerOverPlainHttpPromisesHstsAndEveryAnswerOverHttpsDoes() {
        assertThat(answer("http://gateway.example.cn/api/zones").getFirst("Strict-Transport-Security")).isNull();
        assertThat(answer("https://gateway.example.cn/api/zones").getFirst("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000");
    }

    @Test
    void noServiceLoosensThePolicyOfItsProxiedAnswer() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/zones"));
        WebFilterChain service = proxied -> {
            HttpHeaders headers = proxied.getResponse().getHeaders();
            headers.set("X-Frame-Options", "SAMEORIGIN");
            headers.set("Content-Security-Policy", "default-src *");
            headers.set(HttpHeaders.CACHE_CONTROL, "public, max-age=600");
            return proxied.getResponse().setComplete();
        };
        filter.filter(exchange, service).block();

        HttpHeaders headers = exchange.getResponse().getHeaders();
        assertThat(headers.get("X-Frame-Options")).containsExactly("DENY");
        assertThat(headers.get("Content-Security-Policy")).containsExactly(SecurityHeadersFilter.API_POLICY);
        assertThat(headers.get(HttpHeaders.CACHE_CONTROL)).containsExactly("no-store");
    }

    @Test
    void onlySwaggerUiPagesMayRunScriptsAndOnlyTheirOwn() {
        assertThat(answer("http://localhost/swagger-ui/index.html").getFirst("Content-Security-Policy"))
                .isEqualTo(SecurityHeadersFilter.SWAGGER_UI_POLICY).contains("script-src 'self';")
                .doesNotContain("unsafe");
        assertThat(answer("http://localhost/api/swagger-ui").getFirst("Content-Security-Policy"))
                .isEqualTo(SecurityHeadersFilter.API_POLICY);
    }

    @Test
    void theDashboardRunsItsOwnFilesAndFetchesFromThisOriginAndTheStaffProviderOnly() {
        assertThat(answer("http://localhost/dashboard/").getFirst("Content-Security-Policy"))
                .isEqualTo(SecurityHeadersFilter.DASHBOARD_POLICY).contains("connect-src 'self';").doesNotContain("unsafe");
        assertThat(answer("http://localhost/dashboardx").getFirst("Content-Security-Policy"))
                .isEqualTo(SecurityHeadersFilter.API_POLICY);
        assertThat(SecurityHeadersFilter.dashboardPolicy("https://sso.example.cn:8443/realms/staff"))
                .contains("connect-src 'self' https://sso.example.cn:8443;");
    }

    private HttpHeaders answer(String url) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(url));
        filter.filter(exchange, answered -> answered.getResponse().setComplete()).block();
        return exchange.getResponse().getHeaders();
    }
}
