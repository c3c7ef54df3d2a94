package cn.dzn.gateway.clients;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

import cn.dzn.gateway.GatewayTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Revocation and the end of a grace period bite at once on the gateway that sees them, and within
 * the stated bound on every other replica. The other replica is a second ClientDirectory on the
 * same store, with a cache of its own, as a second gateway process would have.
 */
class RevocationTest extends GatewayTestSupport {

    /** What docs/decisions.md promises for other replicas ("Revocation bites at once"). */
    private static final Duration REPLICA_BOUND = Duration.ofSeconds(5);

    @Autowired
    private ApiClientStore store;

    @Autowired
    private ApiKeys keys;

    @Autowired
    private ApiKeyProperties properties;

    @Autowired
    private MongoDatabase database;

    @Test
    void aRevokedClientIsRefusedAtOnceWithItsCurrentKeyAndTheOneInItsGracePeriod() {
        JsonNode client = createClient();
        String id = client.get("id").asString();
        String replaced = client.get("apiKey").asString();
        assertThat(get("/api/zones", replaced).statusCode()).isEqualTo(200);
        String current = rotate(id);
        // Both are now known to this gateway as live.
        assertThat(get("/api/zones", replaced).statusCode()).isEqualTo(200);
        assertThat(get("/api/zones", current).statusCode()).isEqualTo(200);

        assertThat(delete("/api/clients/" + id, ADMIN_KEY).statusCode()).isEqualTo(204);

        assertProblem(get("/api/zones", replaced), 401);
        assertProblem(get("/api/zones", current), 401);
        assertProblem(post("/api/zones", replaced, "{}"), 401);
        assertThat(received()).as("only the three requests before the revocation reached a service").hasSize(3);
    }

    @Test
    void anotherReplicaRefusesARevokedClientsKeysWithinTheStatedBound() {
        ClientDirectory replica = new ClientDirectory(store, keys, properties);
        JsonNode client = createClient();
        String id = client.get("id").asString();
        String replaced = client.get("apiKey").asString();
        String current = rotate(id);
        assertThat(replica.callerFor(replaced).blockOptional()).isPresent();
        assertThat(replica.callerFor(current).blockOptional()).isPresent();

        assertThat(delete("/api/clients/" + id, ADMIN_KEY).statusCode()).isEqualTo(204);
        Instant revoked = Instant.now();

        await().atMost(REPLICA_BOUND.plusMillis(500)).pollInterval(Duration.ofMillis(100))
                .until(() -> replica.callerFor(replaced).blockOptional().isEmpty()
                        && replica.callerFor(current).blockOptional().isEmpty());
        assertThat(Duration.between(revoked, Instant.now())).isLessThanOrEqualTo(REPLICA_BOUND.plusMillis(500));
        assertThat(properties.cacheTtl()).as("the bound the documentation states").isLessThanOrEqualTo(REPLICA_BOUND);
    }

    /**
     * The rotation gives the replaced key 24 h; the store is then set to end its grace in 2 s,
     * as a short {@code rotation-grace} would. Known to both gateways as live before the end,
     * it is refused by both the moment the grace is over, not when their caches next ask.
     */
    @Test
    void aReplacedKeyIsRefusedTheMomentItsGracePeriodEndsThoughBothGatewaysHoldItAsLive() throws Exception {
        ClientDirectory replica = new ClientDirectory(store, keys, properties);
        JsonNode client = createClient();
        String id = client.get("id").asString();
        String replaced = client.get("apiKey").asString();
        assertThat(get("/api/zones", replaced).statusCode()).isEqualTo(200);
        String current = rotate(id);
        Instant graceEnds = Instant.now().plusSeconds(2);
        database.getCollection("api_clients").updateOne(eq("_id", id),
                Updates.set("previousKeyValidUntil", Date.from(graceEnds)));

        assertThat(get("/api/zones", replaced).statusCode()).isEqualTo(200);
        assertThat(replica.callerFor(replaced).blockOptional()).isPresent();
        // The old key works until the grace period ends, and not a moment after.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(Instant.now()).isAfter(graceEnds);
            assertProblem(get("/api/zones", replaced), 401);
            assertThat(replica.callerFor(replaced).blockOptional()).isEmpty();
        });
        assertThat(get("/api/zones", current).statusCode()).isEqualTo(200);
        assertThat(replica.callerFor(current).blockOptional()).isPresent();
    }

    private JsonNode createClient() {
        var response = post("/api/clients", ADMIN_KEY,
                "{\"name\": \"苏州市科技局\", \"regionCode\": \"320500\", \"roles\": [\"READ\", \"WRITE\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private String rotate(String id) {
        var response = post("/api/clients/" + id + "/rotate", ADMIN_KEY, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("apiKey").asString();
    }
}
