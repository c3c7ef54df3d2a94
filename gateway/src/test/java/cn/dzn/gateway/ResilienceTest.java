package cn.dzn.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * The incubator route with a 1 s time limit and a small breaker (opens after 2 failures in 4
 * calls, stays open 2 s, then tries one call), against a WireMock that is slow, failing or gone.
 */
@TestPropertySource(properties = {"dzn.resilience.time-limits.incubator-service=1s",
    "dzn.resilience.request-time-limit=1s",
    "dzn.resilience.breaker.sliding-window=4", "dzn.resilience.breaker.minimum-calls=4",
    "dzn.resilience.breaker.open-for=2s", "dzn.resilience.breaker.half-open-calls=1"})
class ResilienceTest extends GatewayTestSupport {

    private static final String SLOW = "/api/incubators/slow";

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @BeforeEach
    void closeTheBreakerAndStubASlowPath() {
        breakers.getCircuitBreakerRegistry().getAllCircuitBreakers().forEach(breaker -> breaker.reset());
        INCUBATOR.stubFor(any(urlPathEqualTo(SLOW)).willReturn(okJson("{}").withFixedDelay(3_000)));
    }

    @Test
    void aServiceSlowerThanItsRouteTimeLimitIs504AfterTheLimit() {
        Instant start = Instant.now();
        HttpResponse<String> answer = get(SLOW, ADMIN_KEY);

        assertThat(assertProblem(answer, 504).path("detail").asString()).isEqualTo("the service did not answer in time");
        assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofMillis(900), Duration.ofMillis(2_900));
        SoftAssertions.assertSoftly(softly -> SecurityHeaders.assertOn(softly, "504", answer));
    }

    /** zone-service keeps its 30 s; the breaker's own time limiter (1 s by default) is off. */
    @Test
    void eachRouteHasItsOwnTimeLimit() {
        StubMapping late = SERVICE.stubFor(WireMock.get(urlPathEqualTo("/api/zones/late-report"))
                .willReturn(okJson("{\"late\":true}").withFixedDelay(1_500)));
        try {
            HttpResponse<String> answer = get("/api/zones/late-report", ADMIN_KEY);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"late\":true}");
        } finally {
            SERVICE.removeStub(late);
        }
    }

    /**
     * The limit holds between pieces of an answer too: a service that sends its headers and part
     * of the body, then falls silent, is cut off. The answer had begun, so the client sees the
     * connection close before the promised body is complete.
     */
    @Test
    void anAnswerThatFallsSilentHalfwayIsCutOffAfterTheLimit() throws Exception {
        INCUBATOR.stop();
        try (ServerSocket stalling = new ServerSocket(URI.create(INCUBATOR_URL).getPort())) {
            Thread service = new Thread(() -> answerHalfThenFallSilent(stalling), "stalling-service");
            service.setDaemon(true);
            service.start();
            Instant start = Instant.now();

            assertThatThrownBy(() -> get("/api/incubators/stalling", ADMIN_KEY)).hasRootCauseInstanceOf(IOException.class);
            assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofMillis(900), Duration.ofMillis(2_900));
            service.join(5_000);
            assertThat(service.isAlive()).as("the gateway hung up on the silent service").isFalse();
        }
    }

    private static void answerHalfThenFallSilent(ServerSocket server) {
        try (Socket connection = server.accept()) {
            connection.getInputStream().read(new byte[8192]);
            connection.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 20\r\n\r\n{\"part\":").getBytes(StandardCharsets.US_ASCII));
            connection.getOutputStream().flush();
            // Silent until the gateway hangs up (read returns -1), or 10 s if it never does.
            connection.setSoTimeout(10_000);
            while (connection.getInputStream().read() != -1) {
                // nothing more is expected from the gateway
            }
        } catch (IOException e) {
            // the gateway reset the connection, or the test is over
        }
    }

    /**
     * A client that sends its body slowly (here: a tenth of it, then nothing) has its connection
     * dropped after the request time limit, and it is not the service's fault: four of them in a
     * row leave the incubator route's breaker closed (it would open after two failures in four).
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aSlowUploadIsCutOffAfterTheRequestTimeLimitWithoutOpeningTheBreaker(CapturedOutput output) throws Exception {
        String head = "POST /api/incubators/registrations HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":";
        for (int i = 0; i < 4; i++) {
            Instant start = Instant.now();
            try (Socket client = new Socket("localhost", port)) {
                client.setSoTimeout(10_000);
                client.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                client.getInputStream().readAllBytes(); // until the gateway closes the connection
            }
            assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofMillis(900), Duration.ofMillis(2_900));
        }

        assertThat(breakers.getCircuitBreakerRegistry().circuitBreaker("incubator-service").getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(post("/api/incubators/registrations", null, "{}").statusCode()).isEqualTo(200);
        // One line each, not Reactor's error with a stack trace for an error nobody received.
        assertThat(output.getOut()).contains("a client did not send its whole request in time");
        assertThat(output.getAll()).doesNotContain("onErrorDropped").doesNotContain("RequestTimeoutException")
                .doesNotContain("unexpected gateway failure");
    }

    @Test
    void repeatedTimeoutsOpenTheBreakerWhichThenAnswers503AtOnceWithRetryAfter() {
        for (int i = 0; i < 4; i++) {
            assertThat(get(SLOW, ADMIN_KEY).statusCode()).isEqualTo(504);
        }
        Instant start = Instant.now();
        HttpResponse<String> refused = get(SLOW, ADMIN_KEY);

        assertThat(assertProblem(refused, 503).path("type").asString()).endsWith("/service-unavailable");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        // At once: well under the 1 s the route would otherwise wait.
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(500));
        assertThat(INCUBATOR.getAllServeEvents()).hasSize(4);
        // Other routes have breakers of their own.
        assertThat(get("/api/zones", ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(management("/actuator/prometheus").body())
                .contains("resilience4j_circuitbreaker_state{application=\"gateway\",group=\"incubator-service\",name=\"incubator-service\",state=\"open\"} 1.0");
    }

    @Test
    void aServiceThatComesBackIsUsedAgainWithoutARestart() {
        INCUBATOR.stop();
        for (int i = 0; i < 4; i++) {
            assertProblem(get("/api/incubators", ADMIN_KEY), 503);
        }
        Instant opened = Instant.now();
        assertThat(get("/api/incubators", ADMIN_KEY).headers().firstValue("Retry-After")).hasValue("2");

        INCUBATOR.start();
        INCUBATOR.stubFor(any(urlPathEqualTo("/api/incubators")).willReturn(okJson("{\"back\":true}")));
        // Refused at once while open; after the 2 s the trial call gets through and closes it.
        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/incubators", ADMIN_KEY).body().equals("{\"back\":true}"));
        // Counted from the breaker opening, not from the wait: WireMock's restart may take a while.
        assertThat(Duration.between(opened, Instant.now())).isGreaterThan(Duration.ofMillis(1_500));
        assertThat(get("/api/incubators", ADMIN_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void aReadIsRetriedAfterA503AndAWriteIsNot() {
        flakyThenFine("/api/incubators/flaky-read");
        flakyThenFine("/api/incubators/flaky-write");

        assertThat(get("/api/incubators/flaky-read", ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(post("/api/incubators/flaky-write", ADMIN_KEY, "{}").statusCode()).isEqualTo(503);
        assertThat(INCUBATOR.getAllServeEvents()).hasSize(3);
    }

    /** Spring Cloud CircuitBreaker's default bulkhead refused the 26th concurrent call with a 500. */
    @Test
    void fortyConcurrentCallsToOneRouteAreAllServed() throws Exception {
        INCUBATOR.stubFor(any(urlPathEqualTo("/api/incubators/busy")).willReturn(okJson("{}").withFixedDelay(300)));
        ExecutorService callers = Executors.newFixedThreadPool(40);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(callers.submit(() -> get("/api/incubators/busy", ADMIN_KEY).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void otherServerErrorsAreNotRetried() {
        INCUBATOR.stubFor(any(urlPathEqualTo("/api/incubators/broken")).willReturn(aResponse().withStatus(500)));

        assertThat(get("/api/incubators/broken", ADMIN_KEY).statusCode()).isEqualTo(500);
        assertThat(INCUBATOR.getAllServeEvents()).hasSize(1);
    }

    private static void flakyThenFine(String path) {
        INCUBATOR.stubFor(any(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("fine"));
        INCUBATOR.stubFor(any(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("fine")
                .willReturn(okJson("{}")));
    }
}
