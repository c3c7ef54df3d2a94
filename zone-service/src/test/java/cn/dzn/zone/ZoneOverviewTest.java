package cn.dzn.zone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import cn.dzn.platform.test.ServerTiming;
import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.JsonNode;

/** The overview against WireMock stand-ins: healthy, slow, failing and dropped downstreams. */
class ZoneOverviewTest extends ZoneServiceTestBase {

    static final String NATIONAL = TestCallers.national();
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    String zoneId;

    @BeforeEach
    void freshDownstreamsAndBreakers() {
        DOWNSTREAM.resetAll();
        breakers.getCircuitBreakerRegistry().getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        stub("fund", ok("fund", Map.of("funds", 3)));
        stub("talent", ok("talent", Map.of("talentBases", 2)));
        stub("incubator", ok("incubator", Map.of("incubators", 5, "overseasIncubators", 1)));
        zoneId = http().post("/api/zones", TestHttp.json(Map.of("name", "成德绵", "regionCode", "510000",
                "memberCities", List.of("510100", "510600", "510700"))), "Authorization", NATIONAL)
                .json().get("id").asString();
    }

    @Test
    void gathersEveryServiceFiguresForTheMemberCities() {
        Response response = http().get("/api/zones/" + zoneId + "/overview", "Authorization", NATIONAL,
                "X-Request-Id", "req-overview-0001", "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).isEqualTo("req-overview-0001");
        JsonNode sections = response.json().get("sections");

        assertThat(sections.get("funds").get("available").asBoolean()).isTrue();
        assertThat(sections.get("funds").get("figures").get("funds").asLong()).isEqualTo(3);
        assertThat(sections.get("talent").get("figures").get("talentBases").asLong()).isEqualTo(2);
        assertThat(sections.get("incubators").get("figures").get("overseasIncubators").asLong()).isEqualTo(1);
        for (String service : List.of("fund", "talent", "incubator")) {
            DOWNSTREAM.verify(getRequestedFor(urlPathEqualTo("/" + service + "/internal/figures"))
                    .withQueryParam("regions", matching("510100,510600,510700"))
                    .withHeader("Authorization", matching("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+"))
                    .withHeader("X-Request-Id", matching("req-overview-0001"))
                    // Same trace, each call its own span under the overview request's span.
                    .withHeader("traceparent", matching("00-" + TRACE_ID + "-(?!00f067aa0ba902b7)[0-9a-f]{16}-01")));
        }
        Set<String> spans = DOWNSTREAM.findAll(getRequestedFor(urlPathMatching("/.*/internal/figures"))).stream()
                .map(request -> request.getHeader("traceparent").split("-")[2]).collect(Collectors.toSet());
        assertThat(spans).hasSize(3);
    }

    @Test
    void aSlowServiceIsCutOffAtTheTimeLimitAndMarkedUnavailable() {
        stub("talent", ok("talent", Map.of("talentBases", 2)).withFixedDelay(5000));
        Instant start = Instant.now();
        Response response = overview();

        assertThat(response.status()).isEqualTo(200);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(4000));
        JsonNode sections = response.json().get("sections");
        assertThat(sections.get("talent").get("available").asBoolean()).isFalse();
        assertThat(sections.get("talent").get("reason").asString()).contains("talent");
        assertThat(sections.get("funds").get("available").asBoolean()).isTrue();
        // The call itself failed at its socket timeout, not only the overview's wait for it: it
        // counts against the talent breaker (Feign's own timeout would have let it run for 60 s).
        await().atMost(Duration.ofSeconds(3)).until(() -> breaker("talent").getMetrics().getNumberOfFailedCalls() == 1);
    }

    @Test
    void aServiceAnsweringSlowlyButSteadilyOpensItsBreaker() {
        // Each chunk within the read timeout, the whole answer past the 1.5 s time limit: no call
        // fails, but each holds an overview thread, so four of them (the test's minimum) open the
        // breaker, and the next overview does not call the service at all.
        stub("incubator", ok("incubator", Map.of("incubators", 5)).withChunkedDribbleDelay(2, 1800));
        CompletableFuture.allOf(IntStream.range(0, 4).mapToObj(i -> CompletableFuture.runAsync(this::overview))
                .toArray(CompletableFuture[]::new)).join();
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker("incubator").getState() == CircuitBreaker.State.OPEN);
        int calls = DOWNSTREAM.findAll(getRequestedFor(urlPathEqualTo("/incubator/internal/figures"))).size();

        assertThat(overview().json().get("sections").get("incubators").get("available").asBoolean()).isFalse();
        assertThat(DOWNSTREAM.findAll(getRequestedFor(urlPathEqualTo("/incubator/internal/figures")))).hasSize(calls);
    }

    /** Feign names each breaker after the client and method; one client per service here. */
    CircuitBreaker breaker(String service) {
        return breakers.getCircuitBreakerRegistry().getAllCircuitBreakers().stream()
                .filter(breaker -> breaker.getName().toLowerCase(java.util.Locale.ROOT).contains(service))
                .findFirst().orElseThrow(() -> new AssertionError("no breaker for " + service + " yet"));
    }

    @Test
    void aServiceAnsweringByteByByteIsCutOffAtTheTimeLimitToo() {
        // Each chunk comes well within the socket's read timeout, so only the overview's own
        // bound (1.5 s here) can stop it: 5 s of dribble must not hold the overview up.
        stub("incubator", ok("incubator", Map.of("incubators", 5)).withChunkedDribbleDelay(10, 5000));
        Instant start = Instant.now();
        JsonNode sections = overview().json().get("sections");

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(3500));
        assertThat(sections.get("incubators").get("available").asBoolean()).isFalse();
        assertThat(sections.get("funds").get("available").asBoolean()).isTrue();
    }

    @Test
    void aFailingAndADroppedServiceAreMarkedUnavailable() {
        stub("fund", aResponse().withStatus(500).withBody("boom"));
        stub("incubator", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        JsonNode sections = overview().json().get("sections");

        assertThat(sections.get("funds").get("available").asBoolean()).isFalse();
        assertThat(sections.get("incubators").get("available").asBoolean()).isFalse();
        assertThat(sections.get("talent").get("available").asBoolean()).isTrue();
    }

    @Test
    void theCallsRunSideBySide() {
        for (String service : List.of("fund", "talent", "incubator")) {
            stub(service, ok(service, Map.of("n", 1)).withFixedDelay(1000));
        }
        Instant start = Instant.now();
        Response response = overview();
        Duration took = Duration.between(start, Instant.now());

        assertThat(response.json().get("sections").findValues("available")).allMatch(JsonNode::asBoolean);
        // One after another would take at least 3 s; side by side about 1 s.
        assertThat(took).isLessThan(Duration.ofMillis(2500));
        // Server-Timing says the same from the inside: three calls of 1 s each, 2.5 s at most in all.
        Map<String, Double> timing = ServerTiming.durations(response.header("Server-Timing"));
        assertThat(timing).containsOnlyKeys("zone", "funds", "talent", "incubators", "total");
        assertThat(List.of(timing.get("funds"), timing.get("talent"), timing.get("incubators")))
                .allSatisfy(call -> assertThat(call).isGreaterThanOrEqualTo(1000.0));
        assertThat(timing.get("total")).isLessThan(2500.0)
                .isGreaterThanOrEqualTo(timing.get("zone") + timing.get("funds"));
    }

    @Test
    void anOpenBreakerStopsCallingTheFailingService() {
        stub("fund", aResponse().withStatus(503));
        for (int i = 0; i < 4; i++) {
            overview();
        }
        int callsWhenOpened = DOWNSTREAM.findAll(getRequestedFor(urlPathEqualTo("/fund/internal/figures"))).size();
        JsonNode sections = overview().json().get("sections");

        assertThat(sections.get("funds").get("available").asBoolean()).isFalse();
        assertThat(DOWNSTREAM.findAll(getRequestedFor(urlPathEqualTo("/fund/internal/figures")))).hasSize(callsWhenOpened);
        assertThat(breakers.getCircuitBreakerRegistry().getAllCircuitBreakers().stream()
                .filter(b -> b.getState() == CircuitBreaker.State.OPEN)).isNotEmpty();
    }

    @Test
    void overviewOfAZoneOutsideTheCallersViewIs404() {
        String suzhou = TestCallers.bearer("320500", cn.dzn.platform.identity.Role.READ);
        assertThat(http().get("/api/zones/" + zoneId + "/overview", "Authorization", suzhou).status()).isEqualTo(404);
        assertThat(http().get("/api/zones/nope/overview", "Authorization", NATIONAL).status()).isEqualTo(404);
        assertThat(DOWNSTREAM.getAllServeEvents()).isEmpty();
    }

    Response overview() {
        Response response = http().get("/api/zones/" + zoneId + "/overview", "Authorization", NATIONAL);
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    static ResponseDefinitionBuilder ok(String service, Map<String, Integer> figures) {
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody(TestHttp.json(Map.of("service", service, "figures", figures)));
    }

    static void stub(String service, ResponseDefinitionBuilder response) {
        DOWNSTREAM.stubFor(get(urlPathEqualTo("/" + service + "/internal/figures")).willReturn(response));
    }
}
