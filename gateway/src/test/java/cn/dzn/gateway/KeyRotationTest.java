package cn.dzn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/** Key rotation with a grace period for the previous key, last-used times, and keys never in the logs. */
@ExtendWith(OutputCaptureExtension.class)
class KeyRotationTest extends GatewayTestSupport {

    JsonNode createClient() {
        return json(post("/api/clients", ADMIN_KEY,
                "{\"name\": \"宁波市科技局\", \"regionCode\": \"330200\", \"roles\": [\"READ\"]}"));
    }

    JsonNode rotate(String id) {
        var response = post("/api/clients/" + id + "/rotate", ADMIN_KEY, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void bothKeysWorkDuringTheGracePeriodAndTheKeyBeforeLastStopsAtOnce() {
        JsonNode client = createClient();
        String id = client.get("id").asString();
        String first = client.get("apiKey").asString();

        JsonNode rotated = rotate(id);
        String second = rotated.get("apiKey").asString();
        assertThat(second).isNotEqualTo(first);
        Instant graceUntil = Instant.parse(rotated.get("previousKeyValidUntil").asString());
        assertThat(graceUntil).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        assertThat(get("/api/zones", first).statusCode()).isEqualTo(200);
        assertThat(get("/api/zones", second).statusCode()).isEqualTo(200);

        String third = rotate(id).get("apiKey").asString();
        assertProblem(get("/api/zones", first), 401);
        assertThat(get("/api/zones", second).statusCode()).isEqualTo(200);
        assertThat(get("/api/zones", third).statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedOrUnknownClientCannotBeRotatedAndOnlyAdminsRotate() {
        JsonNode client = createClient();
        String id = client.get("id").asString();
        assertProblem(post("/api/clients/" + id + "/rotate", client.get("apiKey").asString(), ""), 403);
        assertThat(delete("/api/clients/" + id, ADMIN_KEY).statusCode()).isEqualTo(204);
        assertProblem(post("/api/clients/" + id + "/rotate", ADMIN_KEY, ""), 404);
        assertProblem(post("/api/clients/no-such-client/rotate", ADMIN_KEY, ""), 404);
        assertProblem(post("/api/clients/bootstrap-admin/rotate", ADMIN_KEY, ""), 409);
    }

    @Test
    void theLastUseIsRecordedAndTheKeyNeverAppearsInTheLogs(CapturedOutput output) {
        JsonNode client = createClient();
        String id = client.get("id").asString();
        String key = client.get("apiKey").asString();
        assertThat(get("/api/zones", key).statusCode()).isEqualTo(200);
        assertProblem(get("/api/zones", key + "x"), 401);

        await().atMost(Duration.ofSeconds(10)).until(() -> lastUsed(id) != null);
        assertThat(output.getAll()).doesNotContain(key);
    }

    String lastUsed(String id) {
        for (JsonNode client : json(get("/api/clients?limit=500", ADMIN_KEY)).get("items")) {
            if (client.get("id").asString().equals(id) && !client.path("lastUsedAt").isNull()
                    && !client.path("lastUsedAt").isMissingNode()) {
                return client.get("lastUsedAt").asString();
            }
        }
        return null;
    }
}
