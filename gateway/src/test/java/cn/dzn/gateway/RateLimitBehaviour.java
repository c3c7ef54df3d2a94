package cn.dzn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * What a limited caller sees, the same whether the buckets live in memory or in Redis: small
 * buckets (5 requests, one more every 2 s; 3 registrations per address) so tests reach them fast.
 */
@TestPropertySource(properties = {RateLimitBehaviour.CLIENT_BURST, RateLimitBehaviour.CLIENT_REFILL,
    RateLimitBehaviour.PUBLIC_BURST, RateLimitBehaviour.PUBLIC_REFILL})
abstract class RateLimitBehaviour extends GatewayTestSupport {

    // Named, so that SecurityHeadersTest can declare the same and share this context.
    static final String CLIENT_BURST = "dzn.rate-limits.clients.burst=5";
    static final String CLIENT_REFILL = "dzn.rate-limits.clients.refill-every=2s";
    static final String PUBLIC_BURST = "dzn.rate-limits.public-paths.burst=3";
    static final String PUBLIC_REFILL = "dzn.rate-limits.public-paths.refill-every=60s";

    protected static final int BURST = 5;
    protected static final String REGISTRATION = "/api/incubators/registrations";

    @Test
    void aClientGetsItsBurstThenA429ProblemWithRetryAfterThatNeverReachesTheService() {
        String key = newCityKey();
        for (int i = 0; i < BURST; i++) {
            assertThat(get("/api/zones", key).statusCode()).as("request %d", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = get("/api/zones", key);

        assertThat(assertProblem(refused, 429).path("type").asString()).endsWith("/too-many-requests");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(received()).hasSize(BURST);
        assertThat(management("/actuator/prometheus").body()).containsPattern(
                "dzn_gateway_rate_limited_total\\{application=\"gateway\",limit=\"clients\"} [1-9]");
    }

    @Test
    void eachClientHasItsOwnBucket() {
        String busy = newCityKey();
        for (int i = 0; i <= BURST; i++) {
            get("/api/zones", busy);
        }
        assertThat(get("/api/zones", busy).statusCode()).isEqualTo(429);
        assertThat(get("/api/zones", newCityKey()).statusCode()).isEqualTo(200);
    }

    @Test
    void anEmptiedBucketServesAgainAfterTheRefillTime() {
        String key = newCityKey();
        // The refill clock starts with the first token taken, so the wait is measured from there.
        Instant burstStart = Instant.now();
        for (int i = 0; i < BURST; i++) {
            get("/api/zones", key);
        }
        assertThat(get("/api/zones", key).statusCode()).isEqualTo(429);
        // A refused request takes no token, so asking until one is served waits out the refill.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/zones", key).statusCode() == 200);
        assertThat(Duration.between(burstStart, Instant.now())).isGreaterThanOrEqualTo(shortestRefillWait());
        assertThat(get("/api/zones", key).statusCode()).isEqualTo(429);
    }

    /** The soonest a token of a 2 s refill can be back, counted from the first token taken. */
    protected Duration shortestRefillWait() {
        return Duration.ofSeconds(2);
    }

    @Test
    void anonymousRegistrationIsLimitedPerSourceAddressAndCarriesNoCredentials() {
        for (int i = 0; i < 3; i++) {
            assertThat(register().statusCode()).as("registration %d", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = register();

        assertThat(assertProblem(refused, 429).path("detail").asString()).contains("this address");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(received()).hasSize(3)
                .allSatisfy(request -> assertThat(request.containsHeader("Authorization")).isFalse());
        // A client with a key is counted as itself, not as the address it shares.
        assertThat(post(REGISTRATION, newCityKey(), "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyThePublicMethodIsOpen() {
        assertProblem(get(REGISTRATION, null), 401);
        assertProblem(delete(REGISTRATION, null), 401);
        assertThat(received()).isEmpty();
    }

    protected HttpResponse<String> register() {
        return send(request(REGISTRATION, null).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"name\":\"Demo Hub " + UUID.randomUUID() + "\"}")));
    }

    protected String newCityKey() {
        HttpResponse<String> created = post("/api/clients", ADMIN_KEY,
                "{\"name\":\"广州市科技局 " + UUID.randomUUID() + "\",\"regionCode\":\"440100\",\"roles\":[\"READ\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("apiKey").asString();
    }
}
