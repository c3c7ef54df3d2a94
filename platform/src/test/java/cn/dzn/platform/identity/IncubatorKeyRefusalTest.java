package cn.dzn.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.regions.RegionCode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An incubator's own key (issue 17) reaches incubator-service only: a service started as the
 * services are refuses a caller whose internal token names an incubator, with a 403 problem and
 * before its handler runs, unless it declares {@code dzn.incubator-keys.accepted} (incubator-service
 * alone does). Real HTTP against a real server port.
 */
class IncubatorKeyRefusalTest {

    private static final String SECRET = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InternalTokens tokens = new InternalTokens(new InternalTokenProperties(SECRET, null, null));
    private final Caller bureau = new Caller("tianhe", RegionCode.of("440106"), EnumSet.of(Role.READ, Role.WRITE));
    private final Caller ownKey = new Caller("inc-client", RegionCode.of("440106"), EnumSet.of(Role.READ, Role.WRITE),
            "inc-1");

    @Test
    void aServiceThatDoesNotServeIncubatorsRefusesAnIncubatorsOwnKeyBeforeItsHandler() throws Exception {
        try (ConfigurableApplicationContext service = start()) {
            int port = port(service);

            HttpResponse<String> refused = get(port, ownKey);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.path("type").asString()).endsWith("/incubator-key");
            assertThat(problem.path("detail").asString()).contains("incubator");
            assertThat(service.getBean(Handler.class).calls).as("the handler never ran").isZero();

            HttpResponse<String> served = get(port, bureau);
            assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
            assertThat(served.body()).contains("tianhe");
            assertThat(get(port, null).statusCode()).as("no token is still a 401").isEqualTo(401);
        }
    }

    @Test
    void aServiceThatServesIncubatorsLetsTheOwnKeyThroughWithItsIncubator() throws Exception {
        try (ConfigurableApplicationContext service = start("--dzn.incubator-keys.accepted=true")) {
            HttpResponse<String> served = get(port(service), ownKey);
            assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
            assertThat(JSON.readTree(served.body()).path("incubatorId").asString()).isEqualTo("inc-1");
        }
    }

    private HttpResponse<String> get(int port, Caller caller) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/things"));
        if (caller != null) {
            request.header("Authorization", "Bearer " + tokens.issue(caller, Instant.now()).token());
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--dzn.internal-token.secret=" + SECRET;
        System.arraycopy(args, 0, all, 1, args.length);
        return new SpringApplicationBuilder(AService.class)
                .properties("spring.config.import=classpath:dzn-platform.yml", "spring.main.banner-mode=off",
                        "spring.application.name=a-service", "server.port=0", "server.address=127.0.0.1",
                        "spring.mongodb.uri=" + STORE, "spring.mongodb.database=dzn_test")
                .run(all);
    }

    private static final String STORE = store();

    private static String store() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Handler.class)
    static class AService {
    }

    @RestController
    static class Handler {

        volatile int calls;

        @GetMapping("/api/things")
        Map<String, Object> things(@AuthenticationPrincipal Caller caller) {
            calls++;
            return caller.incubatorId() == null ? Map.of("clientId", caller.clientId())
                    : Map.of("clientId", caller.clientId(), "incubatorId", caller.incubatorId());
        }
    }
}
