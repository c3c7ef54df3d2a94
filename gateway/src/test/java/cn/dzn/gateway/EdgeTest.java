package cn.dzn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class EdgeTest extends GatewayTestSupport {

    private static final int LIMIT = 2 * 1024 * 1024;

    @Test
    void aBodyDeclaredOverTheLimitIs413BeforeItIsSentAndNotProxied() {
        RawHttp answer = RawHttp.exchange(port, head("/api/zones", ADMIN_KEY, "Content-Length: " + (3 * LIMIT)),
                new byte[0]);

        assertRawProblem(answer, 413);
        assertThat(answer.headers()).containsEntry("connection", "close");
        assertThat(received()).isEmpty();
    }

    @Test
    void aChunkedBodyGrowingOverTheLimitIs413() {
        byte[] chunk = filled(LIMIT + 1);
        byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] part = Arrays.copyOf(chunkHead, chunkHead.length + chunk.length);
        System.arraycopy(chunk, 0, part, chunkHead.length, chunk.length);

        RawHttp answer = RawHttp.exchange(port, head("/api/zones", ADMIN_KEY, "Transfer-Encoding: chunked"), part);

        assertRawProblem(answer, 413);
        assertThat(answer.headers()).containsEntry("connection", "close");
    }

    @Test
    void anOversizedClientRequestIs413() {
        assertRawProblem(RawHttp.exchange(port, head("/api/clients", ADMIN_KEY, "Content-Length: " + (3 * LIMIT)),
                new byte[0]), 413);
    }

    @Test
    void aBodyUnderTheLimitIsProxiedWhole() {
        byte[] oneMb = filled(1024 * 1024);
        assertThat(post("/api/zones", ADMIN_KEY, BodyPublishers.ofByteArray(oneMb)).statusCode()).isEqualTo(200);
        assertThat(onlyRequest().getBody()).hasSize(oneMb.length);
    }

    /** Otherwise the unread body would be taken for the next request on the connection. */
    @Test
    void aRequestAnsweredBeforeItsBodyWasReadClosesTheConnection() {
        RawHttp answer = RawHttp.exchange(port, head("/api/zones", null, "Content-Length: 16384"), new byte[0]);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers()).containsEntry("connection", "close");
    }

    @Test
    void aServiceThatRefusesConnectionsIs503Problem() {
        INCUBATOR.stop();
        assertThat(assertProblem(get("/api/incubators", ADMIN_KEY), 503).path("type").asString())
                .endsWith("/service-unavailable");
    }

    @Test
    void anUnknownPathIs404Problem() {
        assertProblem(get("/api/nothing-here", ADMIN_KEY), 404);
    }

    @Test
    void eachServiceDocumentIsServedWithoutAKey() {
        HttpResponse<String> doc = get("/v3/api-docs/zone", null);

        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("\"openapi\"");
        assertThat(onlyRequest().getUrl()).isEqualTo("/v3/api-docs");
        assertThat(onlyRequest().containsHeader("Authorization")).isFalse();
    }

    @Test
    void theGatewayDocumentsItsOwnClientsApiAndTheUiListsEveryService() {
        HttpResponse<String> doc = get("/v3/api-docs", null);
        assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
        assertThat(doc.body()).contains("/api/clients").contains("X-Api-Key");

        HttpResponse<String> config = get("/v3/api-docs/swagger-config", null);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/v3/api-docs/zone", "/v3/api-docs/fund", "/v3/api-docs/talent",
                "/v3/api-docs/incubator");
        assertThat(get("/swagger-ui.html", null).statusCode()).isBetween(200, 399);
    }

    /** Issue 14: the OWASP API rules found 36 errors in the gateway's document. */
    @Test
    void theGatewaysDocumentStatesSecurityLimitsAndErrorsEverywhere() {
        HttpResponse<String> doc = get("/v3/api-docs", null);
        assertThat(cn.dzn.platform.test.OpenApiRules.violations(cn.dzn.platform.test.TestHttp.parse(doc.body()),
                java.util.Set.of())).isEmpty();
    }

    @Test
    void probesAndMetricsAreOpenOnTheManagementPortOnly() {
        for (String path : java.util.List.of("/actuator/prometheus", "/actuator/health", "/actuator")) {
            assertThat(get(path, null).statusCode()).as("%s on the public port", path).isIn(401, 404);
            assertThat(get(path, ADMIN_KEY).statusCode()).as("%s on the public port, with a key", path).isEqualTo(404);
        }
        assertThat(management("/actuator/health/readiness").body()).contains("\"UP\"");
        assertThat(management("/actuator/health/liveness").body()).contains("\"UP\"");
        assertThat(management("/actuator/health").body()).contains("\"UP\"");
        HttpResponse<String> metrics = management("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    private static String head(String path, String apiKey, String framing) {
        String key = apiKey == null ? "" : "X-Api-Key: " + apiKey + "\r\n";
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + key + "Content-Type: application/json\r\n"
                + framing + "\r\n\r\n";
    }

    private static void assertRawProblem(RawHttp answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).endsWith("/body-too-large");
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
