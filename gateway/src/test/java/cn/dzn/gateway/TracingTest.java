package cn.dzn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.web.server.ObservationWebFilterChainDecorator;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.util.ReflectionTestUtils;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * W3C trace context through the gateway (continued when the client sent one, started when not),
 * and what the gateway observes of each request.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingTest extends GatewayTestSupport {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

    @Test
    void aClientsTraceContinuesToTheServiceUnderTheGatewaysOwnSpan() {
        send(request("/api/zones", ADMIN_KEY).header("traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01").GET());

        String forwarded = onlyRequest().getHeader("traceparent");
        assertThat(forwarded).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        assertThat(forwarded.split("-")[2]).isNotEqualTo(CLIENT_SPAN);
    }

    @Test
    void aRequestWithoutATraceStartsOneAtTheGateway() {
        get("/api/zones", ADMIN_KEY);

        assertThat(onlyRequest().getHeader("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
                .doesNotContain(TRACE_ID);
    }

    @Test
    void theGatewaysLogLinesOfARequestCarryItsRequestIdAndTraceId(CapturedOutput output) {
        INCUBATOR.stop();
        send(request("/api/incubators", ADMIN_KEY).header("X-Request-Id", "log-line-check-0001")
                .header("traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01").GET());

        assertThat(output.getAll().lines().filter(line -> line.contains("service unreachable")))
                .anySatisfy(line -> assertThat(line).contains("[log-line-check-0001]").contains(TRACE_ID));
    }

    @Autowired
    ObservationRegistry observations;

    @Autowired
    WebFilterChainProxy securityFilters;

    @Test
    void springSecurityFiltersAreNotObservedOneByOne() {
        // A span per security filter on every request, read by nobody (docs/performance.md); and
        // not even wrapped for observation, which costs CPU on every request by itself.
        assertThat(ReflectionTestUtils.getField(securityFilters, "filterChainDecorator"))
                .isNotInstanceOf(ObservationWebFilterChainDecorator.class);
        assertThat(Observation.createNotStarted("http.server.requests", observations).isNoop()).isFalse();
    }

    @Test
    void eachProxiedCallIsTimedOnceWithItsRouteAndNoLongTaskTimers() {
        get("/api/zones", ADMIN_KEY);

        String metrics = management("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*spring_cloud_gateway_route_id=\"zone-service\"[^}]*status=\"200\"[^}]*} [1-9]")
                .doesNotContain("http_client_requests_seconds")
                .doesNotContain("spring_cloud_gateway_requests_seconds")
                .doesNotContain("http_server_requests_active_seconds");
    }
}
