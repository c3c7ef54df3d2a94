package cn.dzn.incubator.pairings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.dzn.incubator.IncubatorTestBase;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * Overseas incubators paired with local ones (结对子, seed 002 §28) and the projects moving between
 * a pair either way: who may pair with whom, proposed → confirmed → ended, moves only between a
 * confirmed pair. An incubator's own key on pairings is in IncubatorKeyTest.
 */
class PairingTest extends IncubatorTestBase {

    private static final String PATH = "/api/incubators/pairings";
    private static final String MOVES = PATH + "/moves";

    private String overseas;
    private String otherOverseas;
    private String local;
    private String makerSpace;
    private String guangzhouLocal;
    private String closedLocal;

    @BeforeEach
    void incubatorsOfShenzhenAndGuangzhou() {
        overseas = incubator(SHENZHEN, incubatorData("深圳硅谷孵化器 " + scope, "440300", "OVERSEAS_INCUBATOR",
                "hostCountry", "US", "hostCity", "San Jose"));
        otherOverseas = incubator(SHENZHEN, incubatorData("深圳新加坡孵化器 " + scope, "440300", "OVERSEAS_INCUBATOR",
                "hostCountry", "SG"));
        local = incubator(SHENZHEN, incubatorData("南山孵化器 " + scope, "440305", "INCUBATOR"));
        makerSpace = incubator(SHENZHEN, incubatorData("福田众创 " + scope, "440304", "MAKER_SPACE"));
        guangzhouLocal = incubator(GUANGZHOU, incubatorData("天河孵化器 " + scope, "440106", "INCUBATOR"));
        closedLocal = incubator(SHENZHEN, incubatorData("已关孵化器 " + scope, "440305", "INCUBATOR",
                "closedOn", "2024-01-01"));
    }

    static Map<String, Object> pairing(String overseasId, String localId, String status, Object... more) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("overseasId", overseasId);
        data.put("localId", localId);
        data.put("regionCode", "440300");
        data.put("status", status);
        for (int i = 0; i < more.length; i += 2) {
            data.put((String) more[i], more[i + 1]);
        }
        return data;
    }

    private String proposed(String overseasId, String localId) {
        Response created = http.post(PATH, TestHttp.json(pairing(overseasId, localId, "PROPOSED")), "Authorization",
                SHENZHEN);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().path("id").asString()).isEqualTo(PairingInput.key(overseasId, localId));
        return PATH + "/" + created.json().path("id").asString();
    }

    @Test
    void anOverseasIncubatorPairsOnlyWithALocalIncubatorOfItsHomeCity() {
        long before = collection("pairings").countDocuments();
        Map<Map<String, Object>, String> refused = new LinkedHashMap<>();
        refused.put(pairing(overseas, overseas, "PROPOSED"), "localId");
        refused.put(pairing(overseas, otherOverseas, "PROPOSED"), "localId");
        refused.put(pairing(local, makerSpace, "PROPOSED"), "overseasId");
        refused.put(pairing(overseas, guangzhouLocal, "PROPOSED"), "localId");
        refused.put(pairing(overseas, "no-such-incubator", "PROPOSED"), "localId");
        refused.put(pairing("no-such-incubator", local, "PROPOSED"), "overseasId");
        refused.put(pairing(overseas, local, "PROPOSED", "regionCode", "440305"), "regionCode");
        refused.put(pairing(overseas, local, "ACTIVE"), "startedOn");
        refused.put(pairing(overseas, local, "PROPOSED", "startedOn", "2025-01-01"), "startedOn");
        refused.put(pairing(overseas, local, "PROPOSED", "endedOn", "2025-01-01"), "endedOn");
        refused.put(pairing(overseas, local, "ENDED", "startedOn", "2025-02-01", "endedOn", "2025-01-01"), "endedOn");
        refused.put(pairing(overseas, local, "ENDED", "endedOn", "2025-01-01"), "status");
        refused.put(pairing(overseas, closedLocal, "PROPOSED"), "localId");
        refused.forEach((bad, field) -> {
            JsonNode problem = assertProblem(http.post(PATH, TestHttp.json(bad), "Authorization", SHENZHEN), 400);
            assertThat(fields(problem)).as(bad.toString()).contains(field);
        });
        JsonNode self = assertProblem(http.post(PATH, TestHttp.json(pairing(overseas, overseas, "PROPOSED")),
                "Authorization", SHENZHEN), 400);
        assertThat(self.path("errors").get(0).path("message").asString()).contains("itself");
        JsonNode twoOverseas = assertProblem(http.post(PATH, TestHttp.json(pairing(overseas, otherOverseas,
                "PROPOSED")), "Authorization", SHENZHEN), 400);
        assertThat(twoOverseas.path("errors").get(0).path("message").asString()).contains("another overseas");
        assertProblem(http.post(PATH, "{\"overseasId\": {\"$gt\": \"\"}, \"localId\": \"x\", \"regionCode\": \"440300\","
                + " \"status\": \"PROPOSED\"}", "Authorization", SHENZHEN), 400);
        assertProblem(http.post(PATH, TestHttp.json(pairing(overseas, local, "MARRIED")), "Authorization", SHENZHEN),
                400);
        assertThat(collection("pairings").countDocuments()).isEqualTo(before);
        // Guangzhou cannot pair Shenzhen's overseas incubator at all.
        assertProblem(http.post(PATH, TestHttp.json(pairing(overseas, local, "PROPOSED")), "Authorization", GUANGZHOU),
                403);
    }

    @Test
    void aBureauProposesConfirmsAndEndsPairsAndEitherSideMayHaveSeveral() {
        String first = proposed(overseas, local);
        String second = proposed(overseas, makerSpace);
        String third = proposed(otherOverseas, local);

        Response confirmed = transition(first, "confirm", "{\"on\": \"2025-03-01\"}", SHENZHEN);
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(confirmed.json().path("startedOn").asString()).isEqualTo("2025-03-01");
        assertThat(transition(second, "confirm", "{\"on\": \"2025-03-01\"}", SHENZHEN).status()).isEqualTo(200);
        assertThat(transition(third, "confirm", "{\"on\": \"2025-04-01\"}", GUANGDONG).status()).isEqualTo(200);
        assertThat(ids(read(PATH + "?overseasId=" + overseas, SHENZHEN))).hasSize(2);
        assertThat(ids(read(PATH + "?localId=" + local + "&status=ACTIVE", SHENZHEN))).hasSize(2);

        JsonNode again = assertProblem(transition(first, "confirm", "{\"on\": \"2025-03-02\"}", SHENZHEN), 409);
        assertThat(again.path("type").asString()).isEqualTo(PROBLEM + "pairing-state");
        assertProblem(transition(first, "end", "{\"on\": \"2025-02-01\"}", SHENZHEN), 400);
        assertProblem(transition(first, "end", "{}", SHENZHEN), 400);
        Response ended = transition(first, "end", "{\"on\": \"2025-09-30\"}", SHENZHEN);
        assertThat(ended.status()).as(ended.text()).isEqualTo(200);
        assertThat(ended.json().path("endedOn").asString()).isEqualTo("2025-09-30");
        assertProblem(transition(first, "end", "{\"on\": \"2025-10-01\"}", SHENZHEN), 409);
        assertProblem(put(first, pairing(overseas, local, "ACTIVE", "startedOn", "2025-03-01"), SHENZHEN), 409);
        // A proposal is withdrawn by ending it; Guangzhou sees none of this.
        String withdrawn = proposed(otherOverseas, makerSpace);
        assertThat(transition(withdrawn, "end", "{\"on\": \"2025-05-01\"}", SHENZHEN).status()).isEqualTo(200);
        assertProblem(read(first, GUANGZHOU), 404);
        assertProblem(transition(second, "end", "{\"on\": \"2025-05-01\"}", GUANGZHOU), 404);
        assertProblem(transition(second, "end", "{\"on\": \"2025-05-01\"}", SHENZHEN_READ_ONLY), 403);
    }

    @Test
    void projectsMoveBetweenAConfirmedPairInEitherDirection() {
        String pair = proposed(overseas, local);
        String pairingId = pair.substring(pair.lastIndexOf('/') + 1);
        JsonNode before = figures("440300");

        JsonNode early = assertProblem(http.post(MOVES, TestHttp.json(move(pairingId, "TO_OVERSEAS", "2025-03-05")),
                "Authorization", SHENZHEN), 400);
        assertThat(fields(early)).contains("pairingId");
        assertThat(transition(pair, "confirm", "{\"on\": \"2025-03-01\"}", SHENZHEN).status()).isEqualTo(200);

        Response out = http.post(MOVES, TestHttp.json(move(pairingId, "TO_OVERSEAS", "2025-03-05")), "Authorization",
                SHENZHEN);
        assertThat(out.status()).as(out.text()).isEqualTo(201);
        Response in = http.post(MOVES, TestHttp.json(move(pairingId, "TO_LOCAL", "2025-04-10")), "Authorization",
                SHENZHEN);
        assertThat(in.status()).as(in.text()).isEqualTo(201);
        assertThat(ids(read(MOVES + "?pairingId=" + pairingId, SHENZHEN))).hasSize(2);
        assertThat(ids(read(MOVES + "?pairingId=" + pairingId + "&direction=TO_LOCAL", SHENZHEN)))
                .containsExactly(in.json().path("id").asString());
        JsonNode after = figures("440300");
        assertThat(after.path("projectsToOverseas").asLong() - before.path("projectsToOverseas").asLong()).isEqualTo(1);
        assertThat(after.path("projectsToLocal").asLong() - before.path("projectsToLocal").asLong()).isEqualTo(1);
        assertThat(after.path("activePairings").asLong() - before.path("activePairings").asLong()).isEqualTo(1);

        assertThat(fields(assertProblem(http.post(MOVES, TestHttp.json(move(pairingId, "TO_LOCAL", "2025-02-28")),
                "Authorization", SHENZHEN), 400))).contains("movedOn");
        assertThat(fields(assertProblem(http.post(MOVES, TestHttp.json(move("no-such-pairing", "TO_LOCAL",
                "2025-04-01")), "Authorization", SHENZHEN), 400))).contains("pairingId");
        Map<String, Object> wrongRegion = move(pairingId, "TO_LOCAL", "2025-04-01");
        wrongRegion.put("regionCode", "440305");
        assertThat(fields(assertProblem(http.post(MOVES, TestHttp.json(wrongRegion), "Authorization", SHENZHEN), 400)))
                .contains("regionCode");
        assertProblem(http.post(MOVES, TestHttp.json(move(pairingId, "SIDEWAYS", "2025-04-01")), "Authorization",
                SHENZHEN), 400);
        Map<String, Object> noProject = move(pairingId, "TO_LOCAL", "2025-04-01");
        noProject.put("project", "");
        assertThat(fields(assertProblem(http.post(MOVES, TestHttp.json(noProject), "Authorization", SHENZHEN), 400)))
                .contains("project");

        assertThat(transition(pair, "end", "{\"on\": \"2025-06-30\"}", SHENZHEN).status()).isEqualTo(200);
        assertThat(fields(assertProblem(http.post(MOVES, TestHttp.json(move(pairingId, "TO_LOCAL", "2025-07-01")),
                "Authorization", SHENZHEN), 400))).contains("movedOn");
        assertThat(http.post(MOVES, TestHttp.json(move(pairingId, "TO_LOCAL", "2025-06-30")), "Authorization",
                SHENZHEN).status()).as("recorded late, within the pair's time").isEqualTo(201);
        assertProblem(http.post(MOVES, TestHttp.json(move(pairingId, "TO_LOCAL", "2025-05-01")), "Authorization",
                GUANGZHOU), 403);
        assertProblem(read(MOVES + "/" + in.json().path("id").asString(), GUANGZHOU), 404);
    }

    static Map<String, Object> move(String pairingId, String direction, String day) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pairingId", pairingId);
        data.put("regionCode", "440300");
        data.put("direction", direction);
        data.put("project", "项目 " + direction + " " + day);
        data.put("movedOn", day);
        return data;
    }

    @Test
    void closedIncubatorsAreNotConfirmedIntoAPair() {
        String pair = proposed(overseas, local);
        assertThat(transition("/api/incubators/" + local, "close", "{\"on\": \"2025-01-01\"}", SHENZHEN).status())
                .isEqualTo(200);

        JsonNode refused = assertProblem(transition(pair, "confirm", "{\"on\": \"2025-03-01\"}", SHENZHEN), 409);
        assertThat(refused.path("detail").asString()).contains("closed");
        assertThat(transition(pair, "end", "{\"on\": \"2025-03-01\"}", SHENZHEN).status()).isEqualTo(200);
        assertThat(List.of(stored("pairings", pair.substring(pair.lastIndexOf('/') + 1)).getString("status")))
                .containsExactly("ENDED");
    }
}
