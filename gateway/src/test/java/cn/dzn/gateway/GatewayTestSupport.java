package cn.dzn.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.InternalTokens;
import cn.dzn.platform.test.ReopenablePort;
import cn.dzn.platform.test.TestSecrets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One gateway context for every test class (same configuration, so Spring caches it) in front of
 * one WireMock playing zone, fund and talent services, and another playing the incubator service
 * on a fixed port, which tests stop and start again to take that service away and bring it back.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class GatewayTestSupport {

    /** Generated per test JVM, as the launcher generates it: no key written in the source opens the gateway. */
    protected static final String ADMIN_KEY = TestSecrets.random();
    private static final String KEY_HASH_SECRET = TestSecrets.random();
    protected static final WireMockServer SERVICE = startService();
    /** The staff sign-in provider: serves the JWKS that {@link StaffTokens} signs with. */
    protected static final WireMockServer SSO = startSso();
    protected static final WireMockServer INCUBATOR = startIncubatorService(ReopenablePort.pick());
    /** Fixed, unlike baseUrl(), which fails while the server is stopped. */
    protected static final String INCUBATOR_URL = INCUBATOR.baseUrl();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected InternalTokens tokens;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        // The internal-token secret comes from platform-test's customizer, shared with TestCallers.
        registry.add("dzn.api-keys.admin-key", () -> ADMIN_KEY);
        registry.add("dzn.api-keys.hash-secret", () -> KEY_HASH_SECRET);
        registry.add("ZONE_SERVICE_URL", SERVICE::baseUrl);
        registry.add("FUND_SERVICE_URL", SERVICE::baseUrl);
        registry.add("TALENT_SERVICE_URL", SERVICE::baseUrl);
        registry.add("INCUBATOR_SERVICE_URL", () -> INCUBATOR_URL);
        registry.add("dzn.cors.allowed-origins", () -> "https://staff.most.example.cn, https://hub.example.org");
        registry.add("dzn.staff-sign-in.issuer", () -> StaffTokens.ISSUER);
        registry.add("dzn.staff-sign-in.audience", () -> StaffTokens.AUDIENCE);
        registry.add("dzn.staff-sign-in.jwk-set-uri", () -> SSO.baseUrl() + "/realms/staff/certs");
    }

    /** The secrets this JVM's gateway context is given, as arguments for another replica of it. */
    protected static List<String> secretArguments() {
        return List.of("--dzn.api-keys.admin-key=" + ADMIN_KEY, "--dzn.api-keys.hash-secret=" + KEY_HASH_SECRET,
                "--dzn.internal-token.secret=" + TestSecrets.INTERNAL_TOKEN_SECRET);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        SERVICE.resetRequests();
        if (!INCUBATOR.isRunning()) {
            INCUBATOR.start();
        }
        INCUBATOR.resetAll();
        INCUBATOR.stubFor(any(urlPathMatching("/api/.*")).willReturn(okJson("{\"proxied\":true}")));
    }

    private static WireMockServer startIncubatorService(int port) {
        WireMockServer server = new WireMockServer(options().port(port));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-incubator-stop"));
        return server;
    }

    private static WireMockServer startService() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(any(urlPathMatching("/api/.*")).willReturn(okJson("{\"proxied\":true}")));
        server.stubFor(WireMock.get(urlPathEqualTo("/v3/api-docs")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"zone-service\",\"version\":\"v1\"}}")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        return server;
    }

    private static WireMockServer startSso() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(WireMock.get(urlPathEqualTo("/realms/staff/certs")).willReturn(okJson(StaffTokens.jwks())));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "sso-stop"));
        return server;
    }


    protected HttpResponse<String> get(String path, String apiKey) {
        return send(request(path, apiKey).GET());
    }

    protected HttpResponse<String> post(String path, String apiKey, String body) {
        return send(request(path, apiKey).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> post(String path, String apiKey, BodyPublisher body) {
        return send(request(path, apiKey).header("Content-Type", "application/json").POST(body));
    }

    protected HttpResponse<String> delete(String path, String apiKey) {
        return send(request(path, apiKey).DELETE());
    }

    /** Probes and metrics: on their own port, never the public one (application.yml). */
    protected HttpResponse<String> management(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .timeout(Duration.ofSeconds(20)).GET());
    }

    /** Connections are kept alive and reused, as real clients do (see KeepAliveTest). */
    protected HttpRequest.Builder request(String path, String apiKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
        return apiKey == null ? builder : builder.header("X-Api-Key", apiKey);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** What the zone, fund and talent services received, and the incubator service. */
    protected static List<LoggedRequest> received() {
        List<LoggedRequest> all = new ArrayList<>(SERVICE.findAll(anyRequestedFor(anyUrl())));
        if (INCUBATOR.isRunning()) {
            all.addAll(INCUBATOR.findAll(anyRequestedFor(anyUrl())));
        }
        return all;
    }

    /** An RFC 9457 answer with the given status, and nothing that looks like a stack trace. */
    protected static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).startsWith("https://dzn.example.cn/problems/");
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        // Every problem names the request, as the X-Request-Id header does, for support and logs.
        assertThat(problem.path("requestId").asString()).isNotBlank()
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElse(null));
        return problem;
    }

    protected static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = received();
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** The caller named by the internal token the service received; fails unless it verifies. */
    protected Caller callerOf(LoggedRequest proxied) {
        String authorization = proxied.getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ").isNotEqualTo("Bearer forged-by-the-client");
        Jwt jwt = tokens.decoder().decode(authorization.substring("Bearer ".length()));
        return InternalTokens.callerOf(jwt);
    }
}
