package cn.dzn.incubator.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.dzn.incubator.BoundTokens;
import cn.dzn.incubator.IncubatorTestBase;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * The applicant's own key (issue 17, item 2), as the check will run it: an overseas incubator
 * registers, its city's bureau approves it, and with the key the approval gave it the incubator
 * keeps its record, its tenants and its pairing current, then tries to step outside. The gateway's
 * part (a client bound to the incubator, the {@code incubator} claim) is played by FakeGateway.
 */
class IncubatorKeyTest extends IncubatorTestBase {

    @Autowired
    KeyService keyService;

    @AfterEach
    void gatewayUp() {
        gateway.down(false);
    }

    @Test
    void approvalGivesTheIncubatorAKeyOfItsOwnShownOnceAndNeverStored() {
        Approved approved = approved("深圳硅谷孵化器", "OVERSEAS_INCUBATOR", "440300", "US", SHENZHEN);

        JsonNode key = approved.answer().path("key");
        assertThat(approved.answer().path("status").asString()).isEqualTo("APPROVED");
        assertThat(key.path("incubatorId").asString()).isEqualTo(approved.id());
        assertThat(key.path("issuedBy").asString()).isEqualTo("test-440300");
        String apiKey = key.path("apiKey").asString();
        assertThat(apiKey).isNotBlank();
        Document binding = stored(IncubatorKeys.COLLECTION, approved.id());
        assertThat(binding.getString("clientId")).isEqualTo(approved.clientId());
        assertThat(binding.toJson()).doesNotContain(apiKey);
        for (String name : database.listCollectionNames()) {
            for (Document doc : collection(name).find()) {
                assertThat(doc.toJson()).as(name).doesNotContain(apiKey);
            }
        }
        JsonNode status = read("/api/incubators/" + approved.id() + "/key", SHENZHEN).json();
        assertThat(status.path("clientId").asString()).isEqualTo(approved.clientId());
        assertThat(status.path("valid").asBoolean()).isTrue();
        assertThat(status.has("apiKey")).isFalse();
        // Read again, the registration never shows the key.
        assertThat(read("/api/incubators/registrations/" + approved.id(), SHENZHEN).text()).doesNotContain(apiKey);
    }

    @Test
    void withItsKeyTheIncubatorKeepsItsRecordItsTenantsAndItsPairingCurrent() {
        Approved incubator = approved("深圳硅谷孵化器", "OVERSEAS_INCUBATOR", "440300", "US", SHENZHEN);
        String own = "/api/incubators/" + incubator.id();
        String partner = incubator(SHENZHEN, incubatorData("南山孵化器 " + scope, "440305", "INCUBATOR"));

        // Its record: read, listed alone, its figures kept current.
        assertThat(read(own, incubator.key()).status()).isEqualTo(200);
        assertThat(ids(read("/api/incubators?limit=500", incubator.key()))).containsExactly(incubator.id());
        Map<String, Object> figures = ownRecord(incubator, "areaSqm", 1200, "workstations", 60, "mentors", 5,
                "operatingSince", "2024-05-01", "hostCity", "San Jose");
        figures.remove("hostCity");
        Response kept = put(own, figures, incubator.key());
        assertThat(kept.status()).as(kept.text()).isEqualTo(200);
        assertThat(kept.json().path("areaSqm").asInt()).isEqualTo(1200);
        assertThat(read(own + "/assessment", incubator.key()).status()).isEqualTo(200);

        // Its tenants.
        Map<String, Object> tenant = new LinkedHashMap<>(Map.of("incubatorId", incubator.id(), "regionCode", "440300",
                "firmName", "Sample AI Inc.", "firmId", "US-" + scope, "status", "ADMITTED", "admittedOn", "2025-05-01"));
        Response admitted = http.post("/api/incubators/tenants", TestHttp.json(tenant), "Authorization",
                incubator.key());
        assertThat(admitted.status()).as(admitted.text()).isEqualTo(201);
        String tenantPath = "/api/incubators/tenants/" + admitted.json().path("id").asString();
        assertThat(transition(tenantPath, "start", "{\"on\": \"2025-05-10\"}", incubator.key()).status()).isEqualTo(200);
        assertThat(ids(read(own + "/tenants", incubator.key()))).hasSize(1);
        assertThat(read("/api/incubators/tenants/counts", incubator.key()).json().path("incubating").asLong())
                .isEqualTo(1);

        // Its pairing: it proposes, its bureau confirms, it records a project moving home.
        Response proposed = http.post("/api/incubators/pairings", TestHttp.json(Map.of("overseasId", incubator.id(),
                "localId", partner, "regionCode", "440300", "status", "PROPOSED")), "Authorization", incubator.key());
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        String pairing = "/api/incubators/pairings/" + proposed.json().path("id").asString();
        JsonNode selfConfirmed = assertProblem(transition(pairing, "confirm", "{\"on\": \"2025-06-01\"}",
                incubator.key()), 403);
        assertThat(selfConfirmed.path("type").asString()).isEqualTo(PROBLEM + "incubator-key");
        JsonNode activeByPut = assertProblem(put(pairing, Map.of("overseasId", incubator.id(), "localId", partner,
                "regionCode", "440300", "status", "ACTIVE", "startedOn", "2025-06-01"), incubator.key()), 409);
        assertThat(activeByPut.path("detail").asString()).contains("bureau");
        assertThat(transition(pairing, "confirm", "{\"on\": \"2025-06-01\"}", SHENZHEN).status()).isEqualTo(200);
        Response moved = http.post("/api/incubators/pairings/moves", TestHttp.json(Map.of("pairingId",
                proposed.json().path("id").asString(), "regionCode", "440300", "direction", "TO_LOCAL", "project",
                "Sample AI 落地南山", "movedOn", "2025-07-01")), "Authorization", incubator.key());
        assertThat(moved.status()).as(moved.text()).isEqualTo(201);
        assertThat(ids(read("/api/incubators/pairings", incubator.key()))).hasSize(1);
        assertThat(ids(read("/api/incubators/pairings/moves", incubator.key()))).hasSize(1);
        assertThat(transition(pairing, "end", "{\"on\": \"2025-08-01\"}", incubator.key()).status()).isEqualTo(200);
    }

    private Map<String, Object> ownRecord(Approved incubator, Object... changes) {
        JsonNode current = read("/api/incubators/" + incubator.id(), NATIONAL).json();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", current.path("name").asString());
        data.put("regionCode", current.path("regionCode").asString());
        data.put("kind", current.path("kind").asString());
        if (current.hasNonNull("hostCountry")) {
            data.put("hostCountry", current.path("hostCountry").asString());
        }
        data.put("note", current.path("note").asString());
        for (int i = 0; i < changes.length; i += 2) {
            data.put((String) changes[i], changes[i + 1]);
        }
        return data;
    }

    @Test
    void itsKeyDoesNothingElse() {
        Approved incubator = approved("深圳以色列孵化器", "OVERSEAS_INCUBATOR", "440300", "IL", SHENZHEN);
        String key = incubator.key();
        String own = "/api/incubators/" + incubator.id();
        String neighbour = incubator(SHENZHEN, incubatorData("邻居孵化器 " + scope, "440300", "INCUBATOR"));
        String neighboursTenant = tenantOf(neighbour, "440300");

        // Another incubator of the same region, and its tenants, do not exist for it.
        assertProblem(read("/api/incubators/" + neighbour, key), 404);
        assertProblem(read("/api/incubators/" + neighbour + "/assessment", key), 404);
        assertProblem(read("/api/incubators/" + neighbour + "/tenants", key), 404);
        assertProblem(read(neighboursTenant, key), 404);
        assertProblem(transition(neighboursTenant, "start", "{\"on\": \"2025-05-10\"}", key), 404);
        assertProblem(put("/api/incubators/" + neighbour, incubatorData("改名", "440300", "INCUBATOR"), key), 404);
        assertProblem(read("/api/incubators/tenants/counts?incubatorId=" + neighbour, key), 404);
        assertThat(ids(read("/api/incubators/tenants?limit=500", key))).isEmpty();
        JsonNode foreignTenant = assertProblem(http.post("/api/incubators/tenants", TestHttp.json(Map.of(
                "incubatorId", neighbour, "regionCode", "440300", "firmName", "冒名企业", "firmId", "X" + scope,
                "status", "ADMITTED", "admittedOn", "2025-05-01")), "Authorization", key), 400);
        assertThat(fields(foreignTenant)).containsExactly("incubatorId");
        // What its bureau decides stays the bureau's.
        JsonNode renamed = assertProblem(put(own, ownRecord(incubator, "name", "新名字", "legalEntity",
                Map.of("name", "冒名公司", "creditCode", "91440300MA5EXAMP77")), key), 409);
        assertThat(fields(renamed)).containsExactly("name", "legalEntity");
        // Paths that are never an incubator key's: 403 before any body is read.
        for (String[] request : List.of(new String[] {"POST", "/api/incubators", "{}"},
                new String[] {"DELETE", own, null}, new String[] {"POST", "/api/incubators/sync", "{}"},
                new String[] {"GET", "/api/incubators/audit", null},
                new String[] {"DELETE", neighboursTenant, null},
                new String[] {"POST", "/api/incubators/pairings/sync", "{}"},
                new String[] {"POST", own + "/key", null}, new String[] {"GET", own + "/key", null},
                new String[] {"DELETE", own + "/key", null},
                new String[] {"GET", "/api/incubators/targets/shenzhen-maker-spaces", null},
                new String[] {"GET", "/internal/figures?regions=440300", null},
                new String[] {"GET", "/api/zones", null})) {
            JsonNode refused = assertProblem(http.send(request[0], request[1], request[2], "Authorization", key,
                    "If-Match", "\"1\"", "Idempotency-Key", "k-" + scope), 403);
            assertThat(refused.path("type").asString()).as(request[1]).isEqualTo(PROBLEM + "incubator-key");
        }
        assertThat(stored("incubators", incubator.id()).getString("name")).contains("深圳以色列孵化器");
        assertThat(stored("incubators", neighbour).getLong("version")).isEqualTo(1);
    }

    private String tenantOf(String incubatorId, String region) {
        Response created = http.post("/api/incubators/tenants", TestHttp.json(Map.of("incubatorId", incubatorId,
                "regionCode", region, "firmName", "邻居企业", "firmId", "N" + scope, "status", "ADMITTED",
                "admittedOn", "2025-05-01")), "Authorization", NATIONAL);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return "/api/incubators/tenants/" + created.json().path("id").asString();
    }

    /**
     * The overseas incubator's key is bound to Shenzhen (440300) with WRITE: a city bureau's region
     * and roles. Without the binding it would review every Shenzhen registration.
     */
    @Test
    void anApplicantCannotActAsAReviewerNorSeeOtherApplications() {
        Approved applicant = approved("深圳德国孵化器", "OVERSEAS_INCUBATOR", "440300", "DE", SHENZHEN);
        Response pending = http.post("/api/incubators/registrations", registration("南山众创 " + scope, "MAKER_SPACE",
                "440305", null));
        String other = pending.json().path("id").asString();
        String path = "/api/incubators/registrations/";

        for (Response refused : List.of(read(path + other, applicant.key()), read(path + applicant.id(),
                applicant.key()), read(path + "?limit=500", applicant.key()),
                http.post(path + other + "/approve", null, "Authorization", applicant.key(), "If-Match", "\"1\""),
                http.post(path + other + "/reject", "{\"reason\": \"竞争对手\"}", "Authorization", applicant.key(),
                        "If-Match", "\"1\""),
                http.post(path + other + "/reject", "{\"not\": \"a reason\"}", "Authorization", applicant.key(),
                        "If-Match", "\"1\""))) {
            assertProblem(refused, 403);
        }
        Document stillPending = stored("registrations", other);
        assertThat(stillPending.getString("status")).isEqualTo("PENDING");
        assertThat(stillPending.getLong("version")).isEqualTo(1);
        // A token naming another incubator it holds no key for is refused the same way.
        String forged = BoundTokens.bearer(applicant.clientId(), "440300", other, Role.READ, Role.WRITE);
        assertProblem(read("/api/incubators/" + applicant.id(), forged), 403);
        String malformed = "Bearer " + BoundTokens.token(applicant.clientId(), "440300", 42, Role.READ, Role.WRITE);
        assertProblem(read("/api/incubators/" + applicant.id(), malformed), 403);
        assertProblem(http.post(path + other + "/approve", null, "Authorization", malformed, "If-Match", "\"1\""), 403);
    }

    @Test
    void revokingTheKeyStopsItAtOnce() {
        Approved incubator = approved("深圳日本孵化器", "OVERSEAS_INCUBATOR", "440300", "JP", SHENZHEN);
        String own = "/api/incubators/" + incubator.id();
        assertThat(read(own, incubator.key()).status()).isEqualTo(200);

        assertProblem(http.delete(own + "/key", "Authorization", SHENZHEN_READ_ONLY), 403);
        assertProblem(http.delete(own + "/key", "Authorization", GUANGZHOU), 404);
        Response revoked = http.delete(own + "/key", "Authorization", SHENZHEN);
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        assertThat(revoked.json().path("valid").asBoolean()).isFalse();
        assertThat(revoked.json().path("revokedBy").asString()).isEqualTo("test-440300");

        // The token the gateway minted before the revocation is still unexpired: refused anyway.
        JsonNode refused = assertProblem(read(own, incubator.key()), 403);
        assertThat(refused.path("detail").asString()).contains("revoked");
        assertProblem(http.post("/api/incubators/tenants", "{}", "Authorization", incubator.key()), 403);
        assertThat(gateway.isRevoked(incubator.clientId())).as("revoked at the gateway too").isTrue();
        assertProblem(http.delete(own + "/key", "Authorization", SHENZHEN), 404);
        assertThat(read(own + "/key", SHENZHEN).json().path("valid").asBoolean()).isFalse();
    }

    @Test
    void aNewKeyReplacesTheOldAtOnceAndOnlyTheCitysBureauIssuesIt() {
        Approved incubator = approved("南山众创", "MAKER_SPACE", "440305", null, SHENZHEN);
        String own = "/api/incubators/" + incubator.id();

        assertProblem(http.post(own + "/key", null, "Authorization", NANSHAN), 403);
        assertProblem(http.post(own + "/key", null, "Authorization", SHENZHEN_READ_ONLY), 403);
        assertProblem(http.post(own + "/key", null, "Authorization", GUANGZHOU), 404);
        assertProblem(http.post(own + "/key", null, "Authorization", incubator.key()), 403);
        Response issued = http.post(own + "/key", null, "Authorization", GUANGDONG);
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String newKey = gateway.bearer(issued.json().path("apiKey").asString());

        assertProblem(read(own, incubator.key()), 403);
        assertThat(read(own, newKey).status()).isEqualTo(200);
        assertThat(gateway.isRevoked(incubator.clientId())).isTrue();
        // A district bureau may still revoke its incubator's key.
        assertThat(http.delete(own + "/key", "Authorization", NANSHAN).status()).isEqualTo(200);
        assertProblem(read(own, newKey), 403);
    }

    @Test
    void theIncubatorClosingStopsItsKeyAtOnce() {
        Approved byBureau = approved("深圳韩国孵化器", "OVERSEAS_INCUBATOR", "440300", "KR", SHENZHEN);
        Approved byItself = approved("深圳法国孵化器", "OVERSEAS_INCUBATOR", "440300", "FR", SHENZHEN);

        assertThat(transition("/api/incubators/" + byBureau.id(), "close", "{\"on\": \"2025-06-01\"}", SHENZHEN)
                .status()).isEqualTo(200);
        JsonNode refused = assertProblem(read("/api/incubators/" + byBureau.id(), byBureau.key()), 403);
        assertThat(refused.path("detail").asString()).contains("closed");

        Response closedItself = transition("/api/incubators/" + byItself.id(), "close", "{\"on\": \"2025-06-01\"}",
                byItself.key());
        assertThat(closedItself.status()).as(closedItself.text()).isEqualTo(200);
        assertProblem(read("/api/incubators/" + byItself.id(), byItself.key()), 403);
        // A closed incubator gets no new key.
        assertProblem(http.post("/api/incubators/" + byItself.id() + "/key", null, "Authorization", SHENZHEN), 409);
    }

    @Test
    void theSweepRevokesAtTheGatewayTheKeysOfIncubatorsThatClosedOrAreGoneAndNoOther() {
        Approved closed = approved("深圳德国孵化器", "OVERSEAS_INCUBATOR", "440300", "DE", SHENZHEN);
        Approved deleted = approved("深圳意大利孵化器", "OVERSEAS_INCUBATOR", "440300", "IT", SHENZHEN);
        Approved open = approved("深圳西班牙孵化器", "OVERSEAS_INCUBATOR", "440300", "ES", SHENZHEN);
        assertThat(transition("/api/incubators/" + closed.id(), "close", "{\"on\": \"2025-06-01\"}", SHENZHEN)
                .status()).isEqualTo(200);
        Response gone = http.delete("/api/incubators/" + deleted.id(), "Authorization", SHENZHEN, "If-Match", "\"1\"");
        assertThat(gone.status()).as(gone.text()).isEqualTo(204);

        gateway.down(true);
        assertThat(keyService.revokeClosed()).as("the gateway down: nothing revoked, tried again later")
                .doesNotContain(closed.id(), deleted.id(), open.id());
        assertThat(read("/api/incubators/" + closed.id(), closed.key()).status()).isEqualTo(403);
        gateway.down(false);

        assertThat(keyService.revokeClosed()).contains(closed.id(), deleted.id()).doesNotContain(open.id());

        assertThat(gateway.isRevoked(closed.clientId())).isTrue();
        assertThat(gateway.isRevoked(deleted.clientId())).isTrue();
        assertThat(gateway.isRevoked(open.clientId())).isFalse();
        JsonNode status = http.get("/api/incubators/" + closed.id() + "/key", "Authorization", SHENZHEN).json();
        assertThat(status.path("valid").asBoolean()).isFalse();
        assertThat(status.path("revokedBy").asString()).isEqualTo("incubator-closed");
        assertThat(read("/api/incubators/" + open.id(), open.key()).status()).isEqualTo(200);
        assertThat(keyService.revokeClosed()).as("a second sweep finds nothing left").doesNotContain(closed.id(),
                deleted.id(), open.id());
    }

    @Test
    void withTheGatewayDownAnApprovalStillSucceedsAndTheKeyIsIssuedLater() {
        gateway.down(true);
        Approved approved = approved("深圳英国孵化器", "OVERSEAS_INCUBATOR", "440300", "GB", SHENZHEN);

        assertThat(approved.answer().path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.answer().path("key").isNull() || approved.answer().path("key").isMissingNode()).isTrue();
        assertThat(approved.answer().path("keyProblem").asString()).contains("/key");
        assertThat(stored("incubators", approved.id())).isNotNull();
        JsonNode unavailable = assertProblem(http.post("/api/incubators/" + approved.id() + "/key", null,
                "Authorization", SHENZHEN), 503);
        assertThat(unavailable.path("type").asString()).isEqualTo(PROBLEM + "key-issuer-unavailable");

        gateway.down(false);
        Response issued = http.post("/api/incubators/" + approved.id() + "/key", null, "Authorization", SHENZHEN);
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        assertThat(read("/api/incubators/" + approved.id(),
                gateway.bearer(issued.json().path("apiKey").asString())).status()).isEqualTo(200);
    }

    @Test
    void aKeyOfTheLocalSideReadsItsPairingButDoesNotKeepIt() {
        Approved local = approved("深圳本地孵化器", "INCUBATOR", "440300", null, SHENZHEN);
        Approved overseas = approved("深圳瑞士孵化器", "OVERSEAS_INCUBATOR", "440300", "CH", SHENZHEN);
        Response proposed = http.post("/api/incubators/pairings", TestHttp.json(Map.of("overseasId", overseas.id(),
                "localId", local.id(), "regionCode", "440300", "status", "ACTIVE", "startedOn", "2025-01-01")),
                "Authorization", SHENZHEN);
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        String pairing = "/api/incubators/pairings/" + proposed.json().path("id").asString();

        assertThat(read(pairing, local.key()).status()).isEqualTo(200);
        // Its level is for its bureau to recognise, not for its own key.
        Map<String, Object> promoted = ownRecord(local, "level", "MUNICIPAL");
        assertThat(fields(assertProblem(put("/api/incubators/" + local.id(), promoted, local.key()), 409)))
                .containsExactly("level");
        assertThat(ids(read("/api/incubators/pairings", local.key()))).hasSize(1);
        assertProblem(transition(pairing, "end", "{\"on\": \"2025-02-01\"}", local.key()), 409);
        assertProblem(http.post("/api/incubators/pairings/moves", TestHttp.json(Map.of("pairingId",
                proposed.json().path("id").asString(), "regionCode", "440300", "direction", "TO_OVERSEAS",
                "project", "出海", "movedOn", "2025-02-01")), "Authorization", local.key()), 400);
        // A third incubator's key does not see the pair at all.
        Approved third = approved("深圳第三孵化器", "INCUBATOR", "440300", null, SHENZHEN);
        assertProblem(read(pairing, third.key()), 404);
    }
}
