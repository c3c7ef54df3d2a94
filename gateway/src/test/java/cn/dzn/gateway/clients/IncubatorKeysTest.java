package cn.dzn.gateway.clients;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import cn.dzn.gateway.GatewayTestSupport;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.test.TestSecrets;
import tools.jackson.databind.JsonNode;

/**
 * Incubators' own keys (issue 17) as incubator-service asks the gateway for them: issued and
 * revoked on the management port with the service's own token, and what such a key can and cannot
 * do through the public port. Real HTTP on both ports, WireMock behind the gateway.
 */
class IncubatorKeysTest extends GatewayTestSupport {

    private static final String PATH = "/internal/incubator-keys";

    // --- issuing, and who may ask ---

    @Test
    void incubatorServiceIsIssuedAKeyBoundToTheIncubatorShownOnce() {
        String incubator = incubatorId();
        HttpResponse<String> issued = management("POST", PATH, serviceToken(), body(incubator, "天河孵化器", "440106"));

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(issued.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode answer = json(issued);
        assertThat(answer.properties()).extracting(java.util.Map.Entry::getKey).containsExactlyInAnyOrder("clientId",
                "apiKey");
        String clientId = answer.get("clientId").asString();
        String apiKey = answer.get("apiKey").asString();
        assertThat(apiKey).startsWith("dzn_").hasSizeGreaterThan(40);

        // The client view names the incubator, never the key or its hash.
        JsonNode view = clientView(clientId);
        assertThat(view.path("incubatorId").asString()).isEqualTo(incubator);
        assertThat(view.path("regionCode").asString()).isEqualTo("440106");
        assertThat(view.path("name").asString()).isEqualTo("天河孵化器");
        assertThat(view.path("roles").toString()).isEqualTo("[\"READ\",\"WRITE\"]");
        assertThat(view.path("revokedAt").isNull()).isTrue();
        assertThat(view.toString()).doesNotContain(apiKey).doesNotContain("keyHash");
        // Other clients are bound to nothing.
        assertThat(clientView("bootstrap-admin").path("incubatorId").isNull()).isTrue();
    }

    @Test
    void onlyIncubatorServicesOwnGoodTokenIsAccepted() {
        Instant now = Instant.now();
        String secret = TestSecrets.INTERNAL_TOKEN_SECRET;
        List<String> refused = List.of(
                token(secret, "dzn-gateway", "dzn-gateway", now.plusSeconds(60)),               // the gateway's issuer
                token(secret, "dzn-zone-service", "dzn-gateway", now.plusSeconds(60)),          // another service
                token(secret, "dzn-incubator-service", "dzn-services", now.plusSeconds(60)),    // the services' audience
                token(secret, "dzn-incubator-service", null, now.plusSeconds(60)),              // no audience
                token(secret, "dzn-incubator-service", "dzn-gateway", now.minusSeconds(1)),     // expired
                token(secret, "dzn-incubator-service", "dzn-gateway", now.plusSeconds(600)),    // too long
                token(secret, "dzn-incubator-service", "dzn-gateway", now.plusSeconds(90)),     // too long, a little
                token(secret, "dzn-incubator-service", "dzn-gateway", null),                    // never expires
                token(TestSecrets.random(), "dzn-incubator-service", "dzn-gateway", now.plusSeconds(60)), // signature
                unsigned(now.plusSeconds(60)),
                "not-a-token");
        int before = clientCount();
        for (String bearer : refused) {
            JsonNode problem = assertProblem(management("POST", PATH, bearer, body(incubatorId(), "x", "440106")), 401);
            assertThat(problem.path("type").asString()).endsWith("/unauthenticated");
            assertProblem(management("DELETE", PATH + "/" + new org.bson.types.ObjectId(), bearer, null), 401);
        }
        assertProblem(management("POST", PATH, null, body(incubatorId(), "x", "440106")), 401);
        // The gateway's own internal token for the services is no pass either.
        String internal = "Bearer " + tokens.issue(new Caller("bootstrap-admin", RegionCode.NATIONAL,
                java.util.Set.of(Role.ADMIN)), Instant.now()).token();
        assertProblem(management("POST", PATH, internal, body(incubatorId(), "x", "440106")), 401);
        // An admin's API key neither.
        assertProblem(send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + PATH))
                .header("X-Api-Key", ADMIN_KEY).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body(incubatorId(), "x", "440106")))), 401);
        assertThat(clientCount()).as("nothing was issued").isEqualTo(before);

        // A token that expires within the minute, as incubator-service signs them, passes.
        String good = token(secret, "dzn-incubator-service", "dzn-gateway", Instant.now().plusSeconds(60));
        assertThat(management("POST", PATH, good, body(incubatorId(), "x", "440106")).statusCode()).isEqualTo(201);
    }

    @Test
    void thePublicPortHasNoSuchPathWhateverTheToken() {
        int before = clientCount();
        for (String method : List.of("POST", "DELETE")) {
            String path = method.equals("POST") ? PATH : PATH + "/" + new org.bson.types.ObjectId();
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", serviceToken()).header("Content-Type", "application/json")
                    .method(method, method.equals("POST") ? BodyPublishers.ofString(body(incubatorId(), "x", "440106"))
                            : BodyPublishers.noBody()));
            assertProblem(answer, 404);
        }
        assertProblem(post(PATH, ADMIN_KEY, body(incubatorId(), "x", "440106")), 404);
        assertThat(clientCount()).isEqualTo(before);
        assertThat(received()).isEmpty();
    }

    @Test
    void aBadRequestIsRefusedWithItsFieldsAndIssuesNothing() {
        int before = clientCount();
        JsonNode missing = assertProblem(management("POST", PATH, serviceToken(), "{}"), 400);
        assertThat(missing.path("errors").toString()).contains("incubatorId", "name", "regionCode");
        JsonNode national = assertProblem(management("POST", PATH, serviceToken(),
                body(incubatorId(), "x", "000000")), 400);
        assertThat(national.path("errors").toString()).contains("regionCode");
        assertProblem(management("POST", PATH, serviceToken(), body("../zones", "x", "440106")), 400);
        assertProblem(management("POST", PATH, serviceToken(), body(incubatorId(), "x", "990100")), 400);
        assertProblem(management("POST", PATH, serviceToken(), "{\"incubatorId\": \"a\", \"name\": \"x\", "
                + "\"regionCode\": \"440106\", \"roles\": [\"ADMIN\"]}"), 400);
        assertProblem(management("POST", PATH, serviceToken(), "not json"), 400);
        assertProblem(management("POST", PATH, serviceToken(), null), 400);
        assertProblem(management("GET", PATH, serviceToken(), null), 405);
        assertThat(clientCount()).isEqualTo(before);
    }

    // --- what the key can and cannot do ---

    @Test
    void theKeyReadsAndWritesUnderApiIncubatorsWithItsIncubatorInTheInternalToken() {
        String incubator = incubatorId();
        Issued key = issue(incubator, "440106");

        HttpResponse<String> read = get("/api/incubators/" + incubator, key.apiKey());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        HttpResponse<String> write = post("/api/incubators/tenants", key.apiKey(), "{\"incubatorId\": \"" + incubator
                + "\"}");
        assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
        HttpResponse<String> own = get("/api/incubators", key.apiKey());
        assertThat(own.statusCode()).isEqualTo(200);

        List<LoggedRequest> proxied = INCUBATOR.findAll(anyRequestedFor(anyUrl()));
        assertThat(proxied).hasSize(3);
        for (LoggedRequest request : proxied) {
            assertThat(request.containsHeader("X-Api-Key")).isFalse();
            Caller caller = callerOf(request);
            assertThat(caller.clientId()).isEqualTo(key.clientId());
            assertThat(caller.incubatorId()).isEqualTo(incubator);
            assertThat(caller.region()).isEqualTo(RegionCode.of("440106"));
            assertThat(caller.roles()).containsExactlyInAnyOrder(Role.READ, Role.WRITE);
        }
        assertThat(proxied.get(1).getBodyAsString()).contains(incubator);
        // A bureau's key carries no incubator.
        Issued bureau = createClient("440106");
        get("/api/incubators", bureau.apiKey());
        List<LoggedRequest> all = INCUBATOR.findAll(anyRequestedFor(anyUrl()));
        assertThat(callerOf(all.get(all.size() - 1)).incubatorId()).isNull();
    }

    @Test
    void theKeyIsRefusedEverywhereElseBeforeAnythingIsProxied() {
        Issued key = issue(incubatorId(), "440106");

        for (HttpResponse<String> refused : List.of(get("/api/zones", key.apiKey()),
                get("/api/zones/zone-1", key.apiKey()), post("/api/zones", key.apiKey(), "{}"),
                post("/api/funds", key.apiKey(), "{\"name\": \"x\"}"), get("/api/vouchers", key.apiKey()),
                get("/api/talents", key.apiKey()), delete("/api/reports/r-1", key.apiKey()),
                get("/api/clients", key.apiKey()), post("/api/clients", key.apiKey(),
                        "{\"name\": \"mine\", \"regionCode\": \"000000\", \"roles\": [\"ADMIN\"]}"),
                delete("/api/clients/" + key.clientId(), key.apiKey()),
                post("/api/clients/" + key.clientId() + "/rotate", key.apiKey(), ""),
                get("/internal/figures?regions=440106", key.apiKey()), get("/api/incubatorsx", key.apiKey()),
                get("/api/nothing-routed", key.apiKey()))) {
            JsonNode problem = assertProblem(refused, 403);
            assertThat(problem.path("type").asString()).endsWith("/incubator-key");
        }
        assertThat(received()).as("nothing reached a service").isEmpty();
        assertThat(clientView(key.clientId()).path("revokedAt").isNull()).as("it did not revoke itself").isTrue();
        // Still a good key where it belongs.
        assertThat(get("/api/incubators/" + "x", key.apiKey()).statusCode()).isEqualTo(200);
    }

    // --- replacing and revoking ---

    @Test
    void aNewKeyForTheSameIncubatorRevokesTheOlderAtOnce() {
        String incubator = incubatorId();
        Issued first = issue(incubator, "440300");
        Issued other = issue(incubatorId(), "440300");
        assertThat(get("/api/incubators", first.apiKey()).statusCode()).isEqualTo(200); // cached as live

        Issued second = issue(incubator, "440300");

        assertThat(second.clientId()).isNotEqualTo(first.clientId());
        assertProblem(get("/api/incubators", first.apiKey()), 401);
        assertThat(get("/api/incubators", second.apiKey()).statusCode()).isEqualTo(200);
        assertThat(get("/api/incubators", other.apiKey()).statusCode()).as("another incubator's key").isEqualTo(200);
        assertThat(clientView(first.clientId()).path("revokedAt").isNull()).isFalse();
        assertThat(clientView(second.clientId()).path("revokedAt").isNull()).isTrue();
    }

    @Test
    void revokingStopsTheKeyAtOnceAndOnlyIncubatorsKeysCanBeRevoked() {
        Issued key = issue(incubatorId(), "440106");
        assertThat(get("/api/incubators", key.apiKey()).statusCode()).isEqualTo(200); // cached as live

        HttpResponse<String> revoked = management("DELETE", PATH + "/" + key.clientId(), serviceToken(), null);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);

        assertProblem(get("/api/incubators", key.apiKey()), 401);
        assertProblem(post("/api/incubators/tenants", key.apiKey(), "{}"), 401);
        assertThat(management("DELETE", PATH + "/" + key.clientId(), serviceToken(), null).statusCode())
                .as("revoking again").isEqualTo(204);
        assertProblem(management("DELETE", PATH + "/" + new org.bson.types.ObjectId(), serviceToken(), null), 404);

        // A bureau's key, or the bootstrap administrator, is not incubator-service's to revoke.
        Issued bureau = createClient("440100");
        assertProblem(management("DELETE", PATH + "/" + bureau.clientId(), serviceToken(), null), 404);
        assertProblem(management("DELETE", PATH + "/bootstrap-admin", serviceToken(), null), 404);
        assertThat(get("/api/zones", bureau.apiKey()).statusCode()).isEqualTo(200);
        assertThat(get("/api/zones", ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(INCUBATOR.findAll(anyRequestedFor(anyUrl()))).as("only the request before the revocation")
                .hasSize(1);
    }

    // --- helpers ---

    record Issued(String clientId, String apiKey) {
    }

    private Issued issue(String incubator, String region) {
        HttpResponse<String> issued = management("POST", PATH, serviceToken(), body(incubator, "孵化器 " + incubator,
                region));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode answer = json(issued);
        return new Issued(answer.get("clientId").asString(), answer.get("apiKey").asString());
    }

    private HttpResponse<String> management(String method, String path, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .timeout(Duration.ofSeconds(20));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
    }

    private JsonNode clientView(String id) {
        return allClients().stream().filter(c -> c.get("id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + id));
    }

    private int clientCount() {
        return allClients().size();
    }

    /** Every client the national administrator lists, page by page. */
    private List<JsonNode> allClients() {
        List<JsonNode> all = new java.util.ArrayList<>();
        String next = null;
        do {
            HttpResponse<String> page = get("/api/clients?limit=100" + (next == null ? "" : "&after=" + next), ADMIN_KEY);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            json(page).get("items").forEach(all::add);
            next = json(page).path("next").isNull() || json(page).path("next").isMissingNode() ? null
                    : json(page).path("next").asString();
        } while (next != null);
        return all;
    }

    /** A bureau's key of {@code region}, created by the national administrator. */
    private Issued createClient(String region) {
        HttpResponse<String> created = post("/api/clients", ADMIN_KEY, "{\"name\": \"bureau\", \"regionCode\": \""
                + region + "\", \"roles\": [\"READ\", \"WRITE\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Issued(json(created).get("id").asString(), json(created).get("apiKey").asString());
    }

    private static String incubatorId() {
        return "inc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static String body(String incubatorId, String name, String regionCode) {
        return JSON.writeValueAsString(java.util.Map.of("incubatorId", incubatorId, "name", name,
                "regionCode", regionCode));
    }

    /** As incubator-service signs it (GatewayKeyIssuer): this test JVM's shared secret, one minute. */
    private static String serviceToken() {
        return token(TestSecrets.INTERNAL_TOKEN_SECRET, "dzn-incubator-service", "dzn-gateway",
                Instant.now().plusSeconds(60));
    }

    private static String token(String secret, String issuer, String audience, Instant expiry) {
        return "Bearer " + sign(secret, claims -> {
            claims.issuer(issuer).subject("incubator-service").issueTime(new Date());
            if (audience != null) {
                claims.audience(audience);
            }
            if (expiry != null) {
                claims.expirationTime(Date.from(expiry));
            }
        });
    }

    private static String unsigned(Instant expiry) {
        String header = base64("{\"alg\":\"none\"}");
        String claims = base64("{\"iss\":\"dzn-incubator-service\",\"aud\":\"dzn-gateway\",\"exp\":"
                + expiry.getEpochSecond() + "}");
        return "Bearer " + header + "." + claims + ".";
    }

    private static String base64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String secret, Consumer<JWTClaimsSet.Builder> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
