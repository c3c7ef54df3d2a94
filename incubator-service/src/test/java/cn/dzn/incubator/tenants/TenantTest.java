package cn.dzn.incubator.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.dzn.incubator.IncubatorTestBase;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * Tenants (在孵企业, issue 17): admitted → incubating → graduated or exited, with their days, as
 * transitions and through writes alike; read per incubator at the nested path; counted per
 * incubator, region and (through the overview's figures) zone.
 */
class TenantTest extends IncubatorTestBase {

    private static final String PATH = "/api/incubators/tenants";

    private String incubatorId;

    @BeforeEach
    void anIncubatorInTianhe() {
        incubatorId = incubator(GUANGZHOU, incubatorData("天河孵化器 " + scope, "440106", "INCUBATOR",
                "operatingSince", "2015-01-01"));
    }

    private Map<String, Object> tenant(String firm, String status, Object... more) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incubatorId", incubatorId);
        data.put("regionCode", "440106");
        data.put("firmName", "测试企业 " + firm);
        data.put("firmId", firm);
        data.put("status", status);
        data.put("admittedOn", "2025-01-10");
        for (int i = 0; i < more.length; i += 2) {
            data.put((String) more[i], more[i + 1]);
        }
        return data;
    }

    private String admitted(String firm) {
        Response created = http.post(PATH, TestHttp.json(tenant(firm, "ADMITTED")), "Authorization", GUANGZHOU);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(id).isEqualTo(TenantInput.key(incubatorId, firm));
        return PATH + "/" + id;
    }

    private static String firm() {
        return "F" + UUID.randomUUID().toString().replace("-", "").substring(0, 17).toUpperCase();
    }

    @Test
    void aTenantIsAdmittedIncubatesAndGraduatesEachOnItsDayAndStaysGraduated() {
        String path = admitted(firm());

        Response started = transition(path, "start", "{\"on\": \"2025-02-01\"}", GUANGZHOU);
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        assertThat(started.json().path("status").asString()).isEqualTo("INCUBATING");
        assertThat(started.json().path("startedOn").asString()).isEqualTo("2025-02-01");
        assertThat(started.header("ETag")).isEqualTo("\"2\"");
        Response graduated = transition(path, "graduate", "{\"on\": \"2025-12-01\"}", GUANGZHOU);
        assertThat(graduated.status()).as(graduated.text()).isEqualTo(200);
        assertThat(graduated.json().path("status").asString()).isEqualTo("GRADUATED");
        assertThat(graduated.json().path("graduatedOn").asString()).isEqualTo("2025-12-01");
        assertThat(graduated.json().path("admittedOn").asString()).isEqualTo("2025-01-10");

        for (String[] move : List.of(new String[] {"start", "{\"on\": \"2025-12-02\"}"},
                new String[] {"graduate", "{\"on\": \"2025-12-02\"}"},
                new String[] {"exit", "{\"on\": \"2025-12-02\", \"reason\": \"x\"}"})) {
            JsonNode refused = assertProblem(transition(path, move[0], move[1], GUANGZHOU), 409);
            assertThat(refused.path("type").asString()).isEqualTo(PROBLEM + "tenant-state");
        }
        Map<String, Object> reopened = tenant(firmOf(path), "INCUBATING", "startedOn", "2025-02-01");
        assertProblem(put(path, reopened, GUANGZHOU), 409);
        // Sending it exactly as stored changes nothing and is no error.
        Map<String, Object> same = tenant(firmOf(path), "GRADUATED", "startedOn", "2025-02-01", "graduatedOn",
                "2025-12-01");
        Response unchanged = put(path, same, GUANGZHOU);
        assertThat(unchanged.status()).as(unchanged.text()).isEqualTo(200);
        assertThat(unchanged.header("ETag")).isEqualTo("\"3\"");
    }

    private String firmOf(String path) {
        return read(path, NATIONAL).json().path("firmId").asString();
    }

    @Test
    void aTenantExitsFromEitherEarlierStateWithItsDayAndReason() {
        String fromAdmitted = admitted(firm());
        String fromIncubating = admitted(firm());
        assertThat(transition(fromIncubating, "start", "{\"on\": \"2025-03-01\"}", GUANGZHOU).status()).isEqualTo(200);

        Response left = transition(fromAdmitted, "exit", "{\"on\": \"2025-01-20\", \"reason\": \"迁出本市\"}", GUANGZHOU);
        assertThat(left.status()).as(left.text()).isEqualTo(200);
        assertThat(left.json().path("status").asString()).isEqualTo("EXITED");
        assertThat(left.json().path("exitReason").asString()).isEqualTo("迁出本市");
        assertThat(left.json().path("startedOn").isMissingNode() || left.json().path("startedOn").isNull()).isTrue();
        assertProblem(transition(fromIncubating, "exit", "{\"on\": \"2025-02-15\"}", GUANGZHOU), 400);
        Response alsoLeft = transition(fromIncubating, "exit", "{\"on\": \"2025-06-30\"}", GUANGZHOU);
        assertThat(alsoLeft.status()).as(alsoLeft.text()).isEqualTo(200);
        assertThat(alsoLeft.json().path("startedOn").asString()).isEqualTo("2025-03-01");
        assertProblem(transition(fromIncubating, "graduate", "{\"on\": \"2025-07-01\"}", GUANGZHOU), 409);
    }

    @Test
    void theSameStateMachineJudgesWritesAndSyncBatches() {
        String firm = firm();
        // A tenant is first recorded ADMITTED or INCUBATING.
        JsonNode newGraduate = assertProblem(http.post(PATH, TestHttp.json(tenant(firm, "GRADUATED", "startedOn",
                "2025-02-01", "graduatedOn", "2025-03-01")), "Authorization", GUANGZHOU), 400);
        assertThat(fields(newGraduate)).containsExactly("status");
        Response incubating = http.post(PATH, TestHttp.json(tenant(firm, "INCUBATING", "startedOn", "2025-02-01")),
                "Authorization", GUANGZHOU);
        assertThat(incubating.status()).as(incubating.text()).isEqualTo(201);
        String path = PATH + "/" + TenantInput.key(incubatorId, firm);

        assertProblem(put(path, tenant(firm, "ADMITTED"), GUANGZHOU), 409);
        assertProblem(put(path, tenant(firm, "INCUBATING", "startedOn", "2025-02-01", "admittedOn", "2025-01-11"),
                GUANGZHOU), 409);
        Response renamed = put(path, new LinkedHashMap<>(Map.of("incubatorId", incubatorId, "regionCode", "440106",
                "firmName", "改名企业", "firmId", firm, "status", "INCUBATING", "admittedOn", "2025-01-10",
                "startedOn", "2025-02-01")), GUANGZHOU);
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);

        String other = firm();
        String batch = TestHttp.json(Map.of("records", List.of(
                Map.of("data", tenant(firm(), "EXITED", "exitedOn", "2025-02-01")),
                Map.of("data", tenant(other, "ADMITTED")),
                Map.of("id", TenantInput.key(incubatorId, firm), "version", 2, "data",
                        tenant(firm, "GRADUATED", "startedOn", "2025-02-03", "graduatedOn", "2025-05-01")),
                Map.of("id", TenantInput.key(incubatorId, firm), "version", 2, "data",
                        tenant(firm, "ADMITTED")))));
        Response synced = http.post(PATH + "/sync", batch, "Authorization", GUANGZHOU, "Idempotency-Key",
                "tenants-" + scope);
        assertThat(synced.status()).as(synced.text()).isEqualTo(200);
        List<String> outcomes = new java.util.ArrayList<>();
        synced.json().path("results").forEach(r -> outcomes.add(r.path("outcome").asString()));
        assertThat(outcomes).containsExactly("rejected", "created", "rejected", "rejected");
        assertThat(stored("tenants", TenantInput.key(incubatorId, firm)).getString("status")).isEqualTo("INCUBATING");
    }

    @Test
    void badTenantsAre400NamingTheFieldAndStoreNothing() {
        String elsewhere = incubator(SHENZHEN, incubatorData("深圳孵化器 " + scope, "440305", "INCUBATOR"));
        long before = collection("tenants").countDocuments();
        String future = LocalDate.now().plusDays(2).toString();
        Map<Map<String, Object>, String> cases = new LinkedHashMap<>();
        Map<String, Object> noDay = tenant(firm(), "ADMITTED");
        noDay.remove("admittedOn");
        cases.put(noDay, "admittedOn");
        cases.put(tenant(firm(), "ADMITTED", "startedOn", "2025-02-01"), "startedOn");
        cases.put(tenant(firm(), "INCUBATING"), "startedOn");
        cases.put(tenant(firm(), "INCUBATING", "startedOn", "2025-01-01"), "startedOn");
        cases.put(tenant(firm(), "INCUBATING", "startedOn", "2025-02-01", "exitReason", "x"), "exitReason");
        cases.put(tenant(firm(), "ADMITTED", "admittedOn", future), "admittedOn");
        cases.put(tenant("91440106 MA5", "ADMITTED"), "firmId");
        cases.put(tenant("F".repeat(41), "ADMITTED"), "firmId");
        cases.put(tenant(firm(), "ADMITTED", "firmName", " "), "firmName");
        cases.put(tenant(firm(), "ADMITTED", "incubatorId", "no-such-incubator"), "incubatorId");
        cases.put(tenant(firm(), "ADMITTED", "incubatorId", elsewhere), "incubatorId");
        cases.put(tenant(firm(), "ADMITTED", "regionCode", "440104"), "incubatorId");
        cases.put(tenant(firm(), "ADMITTED", "note", "长".repeat(2001)), "note");
        cases.forEach((bad, field) -> assertThat(fields(assertProblem(http.post(PATH, TestHttp.json(bad),
                "Authorization", GUANGZHOU), 400))).as(bad.toString()).contains(field));
        for (String bad : new String[] {TestHttp.json(tenant(firm(), "PENDING")),
            TestHttp.json(tenant(firm(), "ADMITTED", "admittedOn", 20250110)),
            TestHttp.json(tenant(firm(), "ADMITTED", "admittedOn", "10/01/2025")),
            TestHttp.json(tenant(firm(), "ADMITTED", "firmId", Map.of("$ne", ""))),
            TestHttp.json(tenant(firm(), "ADMITTED", "extra", 1))}) {
            assertProblem(http.post(PATH, bad, "Authorization", GUANGZHOU), 400);
        }
        String path = admitted(firm());
        for (String body : new String[] {null, "{}", "{\"on\": \"2025-01-09\"}", "{\"on\": \"" + future + "\"}",
            "{\"on\": \"2025-02-01\", \"by\": \"me\"}"}) {
            assertProblem(transition(path, "start", body, GUANGZHOU), 400);
        }
        assertProblem(http.post(path + "/start", "{\"on\": \"2025-02-01\"}", "Authorization", GUANGZHOU), 428);
        assertProblem(http.post(path + "/hatch", "{\"on\": \"2025-02-01\"}", "Authorization", GUANGZHOU,
                "If-Match", "\"1\""), 404);
        assertThat(collection("tenants").countDocuments()).isEqualTo(before + 1);
        assertThat(stored("tenants", path.substring(path.lastIndexOf('/') + 1)).getString("status"))
                .isEqualTo("ADMITTED");
    }

    @Test
    void aClosedIncubatorAdmitsNoNewTenantButItsTenantsStillMoveOn() {
        String path = admitted(firm());
        assertThat(transition(path, "start", "{\"on\": \"2025-02-01\"}", GUANGZHOU).status()).isEqualTo(200);
        assertThat(transition("/api/incubators/" + incubatorId, "close", "{\"on\": \"2025-06-01\"}", GUANGZHOU)
                .status()).isEqualTo(200);

        JsonNode refused = assertProblem(http.post(PATH, TestHttp.json(tenant(firm(), "ADMITTED")), "Authorization",
                GUANGZHOU), 400);
        assertThat(refused.path("errors").get(0).path("message").asString()).contains("closed");
        assertThat(transition(path, "exit", "{\"on\": \"2025-06-01\", \"reason\": \"孵化器关闭\"}", GUANGZHOU)
                .status()).isEqualTo(200);
    }

    @Test
    void anIncubatorsTenantsAreReadAtItsNestedPathAndCountedPerIncubatorRegionAndZone() {
        JsonNode zoneBefore = figures("440100,440300");
        String a = admitted(firm());
        String b = admitted(firm());
        String c = admitted(firm());
        assertThat(transition(b, "start", "{\"on\": \"2025-02-01\"}", GUANGZHOU).status()).isEqualTo(200);
        assertThat(transition(c, "start", "{\"on\": \"2025-02-01\"}", GUANGZHOU).status()).isEqualTo(200);
        assertThat(transition(c, "graduate", "{\"on\": \"2025-09-01\"}", GUANGZHOU).status()).isEqualTo(200);
        String nested = "/api/incubators/" + incubatorId + "/tenants";

        Response all = read(nested + "?limit=500", GUANGZHOU);
        assertThat(all.status()).as(all.text()).isEqualTo(200);
        assertThat(ids(all)).containsExactlyInAnyOrder(id(a), id(b), id(c));
        assertThat(ids(read(nested + "?status=INCUBATING", GUANGDONG))).containsExactly(id(b));
        Response first = read(nested + "?limit=2", GUANGZHOU);
        assertThat(ids(first)).hasSize(2);
        Response rest = read(nested + "?limit=2&after=" + first.json().path("next").asString(), GUANGZHOU);
        assertThat(ids(rest)).hasSize(1);
        assertProblem(read(nested, SHENZHEN), 404);
        assertProblem(read("/api/incubators/no-such-incubator/tenants", GUANGZHOU), 404);
        assertProblem(read(nested + "?status=HATCHING", GUANGZHOU), 400);
        assertProblem(read(nested + "?limit=501", GUANGZHOU), 400);

        JsonNode counts = read(PATH + "/counts?incubatorId=" + incubatorId, GUANGZHOU).json();
        assertThat(List.of(counts.path("admitted").asLong(), counts.path("incubating").asLong(),
                counts.path("graduated").asLong(), counts.path("exited").asLong(), counts.path("total").asLong()))
                .containsExactly(1L, 1L, 1L, 0L, 3L);
        JsonNode region = read(PATH + "/counts?region=440106", GUANGZHOU).json();
        assertThat(region.path("regionCode").asString()).isEqualTo("440106");
        assertThat(region.path("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(read(PATH + "/counts", GUANGDONG).json().path("regionCode").asString()).isEqualTo("440000");
        assertProblem(read(PATH + "/counts?region=440300", GUANGZHOU), 403);
        assertProblem(read(PATH + "/counts?incubatorId=" + incubatorId, SHENZHEN), 404);
        assertProblem(read(PATH + "/counts?incubatorId=" + incubatorId + "&region=440106", GUANGZHOU), 400);
        assertProblem(read(PATH + "/counts?region=4401", GUANGZHOU), 400);

        JsonNode zone = figures("440100,440300");
        assertThat(zone.path("tenantsIncubating").asLong() - zoneBefore.path("tenantsIncubating").asLong()).isEqualTo(1);
        assertThat(zone.path("tenantsGraduated").asLong() - zoneBefore.path("tenantsGraduated").asLong()).isEqualTo(1);
        assertThat(zone.path("tenantsAdmitted").asLong() - zoneBefore.path("tenantsAdmitted").asLong()).isEqualTo(1);
        assertThat(zone.path("tenants").asLong() - zoneBefore.path("tenants").asLong()).isEqualTo(3);
    }

    @Test
    void anotherRegionNeitherSeesNorWritesATenant() {
        String path = admitted(firm());

        assertProblem(read(path, SHENZHEN), 404);
        assertProblem(transition(path, "start", "{\"on\": \"2025-02-01\"}", SHENZHEN), 404);
        assertProblem(http.post(PATH, TestHttp.json(tenant(firm(), "ADMITTED")), "Authorization", SHENZHEN), 403);
        assertProblem(transition(path, "start", "{\"on\": \"2025-02-01\"}", GUANGZHOU_READ_ONLY), 403);
        assertThat(ids(read(PATH + "?limit=500", SHENZHEN))).doesNotContain(id(path));
        assertThat(stored("tenants", id(path)).getString("status")).isEqualTo("ADMITTED");
    }

    private static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
