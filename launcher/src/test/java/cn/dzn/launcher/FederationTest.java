package cn.dzn.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Three deployments on one machine, each with its own store, gateway and zone-service (the
 * federation is the same for every synced resource): a city (440100) relays to its province
 * (440000), which relays to the nation (docs/federation.md). Each tier reaches the next only
 * through its gateway, with a relay key the tier above issued.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationTest {

    static final Duration RELAYED = Duration.ofSeconds(60);
    static final Map<String, String> RELAY_OPTIONS = Map.of("DZN_RELAY_RESOURCES", "/api/zones,/api/reports",
            "DZN_RELAY_REFERENCE_EVERY", "1s", "DZN_RELAY_BACKOFF_MAX", "2s");

    static Suite nation;
    static Suite province;
    static Suite city;
    static String cityRelayKey;

    @BeforeAll
    static void startThreeTiers() throws IOException {
        nation = new Suite(tier()).start();
        String provinceKey = relayKey(nation, "广东省部署的中继", "440000");
        province = new Suite(tier()).relayingTo(new Suite.RelaySettings("guangdong", gatewayUrl(nation), provinceKey,
                freePort(), RELAY_OPTIONS)).start();
        cityRelayKey = relayKey(province, "广州市部署的中继", "440100");
        city = new Suite(tier()).relayingTo(new Suite.RelaySettings("guangzhou", gatewayUrl(province), cityRelayKey,
                freePort(), RELAY_OPTIONS)).start();
    }

    @AfterAll
    static void stopThem() {
        for (Suite suite : new Suite[] {city, province, nation}) {
            if (suite != null) {
                suite.close();
            }
        }
    }

    @Test
    @Order(1)
    void aRecordWrittenAtTheCityReachesTheProvinceAndTheNationAsTheCitysAndFollowsItsChanges() {
        String id = created(http(city).post("/api/zones", zone("广州联邦片区", "n=0"), "X-Api-Key", admin(city)));

        JsonNode atNation = awaitRecord(nation, "/api/zones/" + id, zone -> zone.path("note").asString().equals("n=0"));
        assertThat(awaitRecord(province, "/api/zones/" + id, zone -> true).path("name").asString()).isEqualTo("广州联邦片区");
        assertThat(atNation.path("regionCode").asString()).isEqualTo("440100");
        JsonNode change = lastChange(nation, id);
        assertThat(change.path("origin").path("deployment").asString()).isEqualTo("guangzhou");
        assertThat(change.path("origin").path("version").asLong()).isEqualTo(1);

        Response edited = http(city).put("/api/zones/" + id, zone("广州联邦片区", "n=1"), "X-Api-Key", admin(city),
                "If-Match", "\"1\"");
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        awaitRecord(nation, "/api/zones/" + id, zone -> zone.path("note").asString().equals("n=1"));

        Response notTheOwner = http(nation).put("/api/zones/" + id, zone("改名", "n=9"), "X-Api-Key", admin(nation),
                "If-Match", "\"2\"");
        assertThat(notTheOwner.status()).as(notTheOwner.text()).isEqualTo(409);
        assertThat(notTheOwner.json().path("detail").asString()).contains("relayed from deployment guangzhou");

        assertThat(http(city).delete("/api/zones/" + id, "X-Api-Key", admin(city), "If-Match", "\"2\"").status())
                .isEqualTo(204);
        await().atMost(RELAYED).untilAsserted(() -> assertThat(http(nation).get("/api/zones/" + id, "X-Api-Key",
                admin(nation)).status()).isEqualTo(404));
        assertThat(http(province).get("/api/zones/" + id, "X-Api-Key", admin(province)).status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void aRelayKilledMidStreamAndRestartedLeavesTheExactStateWithNothingWrittenTwice() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            records.add(Map.of("id", "gz-kill-" + i, "data", zoneData("批量片区 " + i, "n=" + i)));
        }
        Response synced = http(city).post("/api/zones/sync", TestHttp.json(Map.of("records", records)), "X-Api-Key",
                admin(city), "Idempotency-Key", "kill-test");
        assertThat(synced.status()).as(synced.text()).isEqualTo(200);

        city.crashAndRestart("relay");

        await().atMost(RELAYED).untilAsserted(() -> assertThat(copies(nation, "gz-kill-")).hasSize(700));
        for (Suite tier : new Suite[] {province, nation}) {
            assertThat(copies(tier, "gz-kill-")).allSatisfy(copy -> {
                // Created once and never written again: a batch sent twice changed nothing.
                assertThat(copy.path("version").asLong()).isEqualTo(1);
                assertThat(copy.path("note").asString()).isEqualTo("n=" + copy.path("id").asString().substring(8));
            });
        }
    }

    @Test
    @Order(3)
    void whileTheProvinceIsDownTheCityKeepsItsBacklogAndDrainsItAfter() {
        province.parts().get("gateway").kill();
        String id = created(http(city).post("/api/zones", zone("断线期间的片区", "n=0"), "X-Api-Key", admin(city)));
        await().atMost(RELAYED).untilAsserted(() -> assertThat(metric(city, "dzn_relay_failures_total"))
                .isGreaterThan(0));

        province.crashAndRestart("gateway");

        awaitRecord(nation, "/api/zones/" + id, zone -> true);
        await().atMost(RELAYED).untilAsserted(() -> assertThat(metric(city, "dzn_relay_lag_records")).isZero());
    }

    @Test
    @Order(4)
    void aRelayKeyOfACityCannotPushARecordOfAnotherCity() {
        Response pushed = http(province).post("/api/zones/sync", TestHttp.json(Map.of("records", List.of(Map.of(
                "id", "sz-forged", "origin", Map.of("deployment", "guangzhou", "version", 1), "data",
                Map.of("name", "深圳片区", "regionCode", "440300", "memberCities", List.of("440300"), "status",
                        "BUILDING", "leadingIndustries", List.of("新材料")))))), "X-Api-Key", cityRelayKey,
                "Idempotency-Key", "forged-1");
        Response plainWrite = http(province).post("/api/zones", zone("普通写入", "n=0"), "X-Api-Key", cityRelayKey);

        assertThat(pushed.status()).as(pushed.text()).isEqualTo(200);
        assertThat(pushed.json().path("results").get(0).path("outcome").asString()).isEqualTo("rejected");
        assertThat(pushed.text()).contains("lies outside the caller's region 440100");
        assertThat(plainWrite.status()).isEqualTo(403);
        assertThat(http(province).get("/api/zones/sz-forged", "X-Api-Key", admin(province)).status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void theNationalRollUpEqualsTheSumOfTheCitiesOwnRollUps() {
        String guangzhouZone = created(http(city).post("/api/zones", zone("广州汇总片区", "n=0"), "X-Api-Key", admin(city)));
        // The province verifies a Guangzhou report where the report lives, with a key the city's
        // deployment issued it: a record changes only at its origin (docs/federation.md).
        verifiedReport(city, guangzhouZone, "440100", "1200.5", clientKey(city, "广东省科技厅", "440000", "READ", "WRITE"));
        String shenzhenZone = created(http(nation).post("/api/zones", TestHttp.json(Map.of("name", "深圳汇总片区",
                "regionCode", "440300", "memberCities", List.of("440300"), "status", "BUILDING", "leadingIndustries",
                List.of("新材料"))), "X-Api-Key", admin(nation)));
        verifiedReport(nation, shenzhenZone, "440300", "2000", admin(nation));

        double guangzhou = rollup(city, "440100");
        await().atMost(RELAYED).untilAsserted(() -> assertThat(rollup(nation, "440100")).isEqualTo(guangzhou));
        assertThat(rollup(nation, null)).isEqualTo(guangzhou + rollup(nation, "440300"));
        assertThat(guangzhou).isEqualTo(1200.5);
        // Each resource's feed goes up on its own: a report that arrived before its zone was taken.
        for (Suite relaying : new Suite[] {city, province}) {
            assertThat(metric(relaying, "dzn_relay_records_total", "outcome=\"rejected\"")).isZero();
        }
    }

    @Test
    @Order(6)
    void aNationalIndicatorDefinitionReachesTheCity() {
        ObjectNode indicator = (ObjectNode) http(nation).get("/api/indicators/contract_turnover", "X-Api-Key",
                admin(nation)).json();
        indicator.put("code", "federated_turnover");
        indicator.put("name", "联邦测试指标");
        Response defined = http(nation).put("/api/indicators/federated_turnover", indicator.toString(),
                "X-Api-Key", admin(nation));
        assertThat(defined.status()).as(defined.text()).isEqualTo(200);

        JsonNode atCity = awaitRecord(city, "/api/indicators/federated_turnover", found -> true);
        assertThat(atCity.path("name").asString()).isEqualTo("联邦测试指标");
    }

    // --- helpers

    private static void verifiedReport(Suite tier, String zone, String region, String turnover, String verifier) {
        String id = zone + "." + region + ".2025Q3";
        Response drafted = http(tier).put("/api/reports/" + id, "{\"zoneId\": \"" + zone + "\", \"regionCode\": \""
                + region + "\", \"period\": \"2025Q3\", \"status\": \"DRAFT\", \"values\": [{\"indicator\": "
                + "\"contract_turnover\", \"value\": " + turnover + ", \"unit\": \"万元\"}]}", "X-Api-Key", admin(tier));
        assertThat(drafted.status()).as(drafted.text()).isIn(200, 201);
        for (String[] step : new String[][] {{"submit", "1"}, {"verify", "2"}}) {
            Response moved = http(tier).post("/api/reports/" + id + "/" + step[0], null, "X-Api-Key",
                    step[0].equals("verify") ? verifier : admin(tier), "If-Match", "\"" + step[1] + "\"");
            assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        }
    }

    private static double rollup(Suite tier, String region) {
        Response answer = http(tier).get("/api/reports/rollup?indicator=contract_turnover&period=2025Q3"
                + (region == null ? "" : "&region=" + region), "X-Api-Key", admin(tier));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().path("value").asDouble();
    }

    private static List<JsonNode> copies(Suite tier, String prefix) {
        List<JsonNode> found = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = http(tier).get("/api/zones?limit=500" + (after == null ? "" : "&after=" + after),
                    "X-Api-Key", admin(tier)).json();
            page.path("items").forEach(zone -> {
                if (zone.path("id").asString().startsWith(prefix)) {
                    found.add(zone);
                }
            });
            after = page.path("next").isString() ? page.path("next").asString() : null;
        } while (after != null);
        return found;
    }

    private static JsonNode lastChange(Suite tier, String id) {
        List<JsonNode> changes = new ArrayList<>();
        String since = null;
        while (true) {
            JsonNode page = http(tier).get("/api/zones/changes?limit=500" + (since == null ? "" : "&since=" + since),
                    "X-Api-Key", admin(tier)).json();
            page.path("items").forEach(changes::add);
            if (page.path("items").isEmpty()) {
                break;
            }
            since = page.path("next").asString();
        }
        return changes.stream().filter(change -> change.path("id").asString().equals(id)).reduce((a, b) -> b)
                .orElseThrow();
    }

    private static JsonNode awaitRecord(Suite tier, String path, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(RELAYED).pollInterval(Duration.ofMillis(250)).until(() -> {
            Response answer = http(tier).get(path, "X-Api-Key", admin(tier));
            found[0] = answer.status() == 200 ? answer.json() : null;
            return found[0] != null && ready.test(found[0]);
        });
        return found[0];
    }

    private static double metric(Suite tier, String name) {
        return metric(tier, name, "");
    }

    private static double metric(Suite tier, String name, String label) {
        String text = TestHttp.localhost(tier.port("relay")).get("/actuator/prometheus").text();
        return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static String relayKey(Suite tier, String name, String region) {
        return clientKey(tier, name, region, "RELAY");
    }

    private static String clientKey(Suite tier, String name, String region, String... roles) {
        Response created = http(tier).post("/api/clients", TestHttp.json(Map.of("name", name, "regionCode", region,
                "roles", List.of(roles))), "X-Api-Key", admin(tier));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("apiKey").asString();
    }

    private static String zone(String name, String note) {
        return TestHttp.json(zoneData(name, note));
    }

    private static Map<String, Object> zoneData(String name, String note) {
        return Map.of("name", name, "regionCode", "440100", "memberCities", List.of("440100"), "status", "BUILDING",
                "leadingIndustries", List.of("生物医药"), "note", note);
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private static TestHttp http(Suite tier) {
        return TestHttp.localhost(tier.config().gatewayPort());
    }

    private static String admin(Suite tier) {
        return tier.secrets().adminKey();
    }

    private static String gatewayUrl(Suite tier) {
        return "http://127.0.0.1:" + tier.config().gatewayPort();
    }

    private static SuiteConfig tier() throws IOException {
        Path data = Files.createTempDirectory("dzn-tier");
        return new SuiteConfig(SuiteConfig.findHome(Path.of("")), data, freePort(), freePort(),
                Map.of("zone-service", freePort()), freePort(), null, false, SuiteConfig.defaultJvmOptions());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
