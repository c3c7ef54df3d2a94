package cn.dzn.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.InternalTokenProperties;
import cn.dzn.platform.identity.InternalTokens;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;

/**
 * The whole suite as the README starts it — the store, four services and the gateway, each its
 * own process, built jars, real ports — driven through the gateway with API keys. The steps
 * build on each other, so they run in order against one suite.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndTest {

    @TempDir
    static Path data;

    static Suite suite;
    static TestHttp gateway;
    static String cityKey;
    static String cityClientId;
    static String cityZoneId;

    @BeforeAll
    static void startTheSuite() throws IOException {
        suite = new Suite(config()).start();
        gateway = TestHttp.localhost(suite.config().gatewayPort());
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void everyPartIsHealthyAndSampleZonesAreLoaded() {
        assertThat(TestHttp.localhost(suite.managementPort("gateway")).get("/actuator/health/readiness").status())
                .isEqualTo(200);
        assertThat(gateway.get("/actuator/health/readiness").status()).as("not on the public port").isIn(401, 404);
        Response zones = gateway.get("/api/zones?limit=100", "X-Api-Key", suite.secrets().adminKey());
        assertThat(zones.status()).isEqualTo(200);
        assertThat(zones.json().get("items").size()).isEqualTo(10);
        assertThat(zones.text()).contains("四川成德绵");
    }

    @Test
    @Order(2)
    void theAdminCreatesACityKeyThatWorksInsideItsRegion() {
        Response created = gateway.post("/api/clients", TestHttp.json(Map.of("name", "广州市科技局",
                "regionCode", "440100", "roles", List.of("READ", "WRITE"))), "X-Api-Key", suite.secrets().adminKey());
        assertThat(created.status()).isEqualTo(201);
        cityKey = created.json().get("apiKey").asString();
        cityClientId = created.json().get("id").asString();

        Response zone = gateway.post("/api/zones", TestHttp.json(Map.of("name", "广州片区", "regionCode", "440100",
                "memberCities", List.of("440100"))), "X-Api-Key", cityKey);
        assertThat(zone.status()).isEqualTo(201);
        cityZoneId = zone.json().get("id").asString();

        assertThat(gateway.get("/api/zones/" + cityZoneId, "X-Api-Key", cityKey).status()).isEqualTo(200);
        // Guangzhou is a member city of the Pearl River Delta zone, so it sees it too.
        assertThat(gateway.get("/api/zones/zone-guangdong-prd", "X-Api-Key", cityKey).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void theCityKeyIsRefusedOutsideItsRegion() {
        Response foreign = gateway.post("/api/zones", TestHttp.json(Map.of("name", "苏州片区", "regionCode", "320500",
                "memberCities", List.of("320500"))), "X-Api-Key", cityKey);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(gateway.get("/api/zones/zone-jiangsu-sunan", "X-Api-Key", cityKey).status()).isEqualTo(404);
        assertThat(gateway.post("/api/clients", "{}", "X-Api-Key", cityKey).status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void callingAServiceAroundTheGatewayIsRefused() {
        TestHttp zoneService = TestHttp.localhost(suite.port("zone-service"));
        assertThat(zoneService.get("/api/zones").status()).isEqualTo(401);
        assertThat(zoneService.get("/api/zones", "X-Api-Key", suite.secrets().adminKey()).status()).isEqualTo(401);
        assertThat(zoneService.get("/api/zones", "Authorization", "Bearer not-a-token").status()).isEqualTo(401);
        assertThat(gateway.get("/api/zones").status()).isEqualTo(401);
    }

    /** What the code once fell back to without DZN_INTERNAL_TOKEN_SECRET and DZN_ADMIN_KEY (issue 14). */
    @Test
    @Order(4)
    void noSecretFromTheSourceOpensTheSuite() {
        InternalTokens formerDefault = new InternalTokens(new InternalTokenProperties(
                "dzn-dev-internal-token-secret-change-me-0123456789", null, null));
        String forged = "Bearer " + formerDefault.issue(new Caller("forged", RegionCode.NATIONAL,
                EnumSet.allOf(Role.class)), Instant.now()).token();
        assertThat(TestHttp.localhost(suite.port("zone-service")).get("/api/zones/audit", "Authorization", forged)
                .status()).isEqualTo(401);
        assertThat(gateway.get("/api/zones", "X-Api-Key", "dzn-dev-admin-key-0000000000000000").status())
                .isEqualTo(401);
    }

    /** Only the gateway is reachable from another machine: tried on this machine's own outward address. */
    @Test
    @Order(4)
    void theServicesAndTheStoreListenOnLoopbackOnly() throws IOException {
        InetAddress outward = outwardAddress();
        Assumptions.assumeTrue(outward != null, "this machine has no non-loopback address to try");
        for (String service : SuiteConfig.SERVICES) {
            assertThat(accepts(outward, suite.port(service))).as(service + " on " + outward).isFalse();
        }
        assertThat(accepts(outward, suite.config().storePort())).as("the store on " + outward).isFalse();
        assertThat(accepts(outward, suite.config().gatewayPort())).as("the gateway on " + outward).isTrue();
    }

    static InetAddress outwardAddress() throws IOException {
        for (NetworkInterface face : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (face.isUp() && !face.isLoopback()) {
                for (InetAddress address : java.util.Collections.list(face.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        return null;
    }

    static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    @Order(5)
    void theOverviewGathersFiguresFromTheOtherServices() {
        Response overview = gateway.get("/api/zones/zone-guangdong-prd/overview", "X-Api-Key", cityKey);
        assertThat(overview.status()).isEqualTo(200);
        overview.json().get("sections").forEach(section ->
                assertThat(section.get("available").asBoolean()).as(overview.text()).isTrue());
    }

    @Test
    @Order(6)
    void anAcknowledgedWriteSurvivesAKilledStore() {
        Response zone = gateway.post("/api/zones", TestHttp.json(Map.of("name", "崩溃前写入", "regionCode", "440100",
                "memberCities", List.of("440100"))), "X-Api-Key", cityKey);
        assertThat(zone.status()).isEqualTo(201);
        String id = zone.json().get("id").asString();

        suite.store().kill();
        suite.startStore();

        Response read = gateway.get("/api/zones/" + id, "X-Api-Key", cityKey);
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("崩溃前写入");
    }

    @Test
    @Order(7)
    void afterARestartTheDataIsStillThereAndSamplesAreNotLoadedTwice() {
        long zonesBefore = gateway.get("/api/zones?limit=500", "X-Api-Key", suite.secrets().adminKey())
                .json().get("items").size();
        suite.close();
        suite = new Suite(config()).start();

        assertThat(gateway.get("/api/zones/" + cityZoneId, "X-Api-Key", cityKey).status()).isEqualTo(200);
        assertThat(gateway.get("/api/zones?limit=500", "X-Api-Key", suite.secrets().adminKey())
                .json().get("items").size()).isEqualTo(zonesBefore);
    }

    @Test
    @Order(8)
    void aRevokedKeyIsRefusedAtOnce() {
        assertThat(gateway.delete("/api/clients/" + cityClientId, "X-Api-Key", suite.secrets().adminKey()).status())
                .isEqualTo(204);
        assertThat(gateway.get("/api/zones", "X-Api-Key", cityKey).status()).isEqualTo(401);
    }

    @Test
    @Order(9)
    void theApiWalkthroughInDocsRunsAsWritten() throws Exception {
        Path walkthrough = suite.config().home().resolve("docs/api-walkthrough.md");
        Walkthrough.run(walkthrough, Map.of("GATEWAY", "http://localhost:" + suite.config().gatewayPort(),
                "ADMIN_KEY", suite.secrets().adminKey()));
    }

    @Test
    @Order(10)
    void aSyncBatchWhoseServiceWasKilledMidwayReachesTheCleanRunsStateWhenResent() throws Exception {
        Response clean = sync(zones("clean"), "clean-run");
        assertThat(clean.status()).isEqualTo(200);

        try (MongoClient store = MongoClients.create(suite.config().mongoUri())) {
            Crash crash = killMidRequest(store.getDatabase("dzn_zone"));
            String crashed = crash.batch();
            String key = crash.key();

            // The crashed request's key stays leased for a while: resend until it is run again.
            Response resent = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> sync(crashed, key), response -> response.status() == 200);

            assertThat(resent.json().get("counts")).isEqualTo(clean.json().get("counts"));
            var zones = store.getDatabase("dzn_zone").getCollection("zones");
            var audit = store.getDatabase("dzn_zone").getCollection("audit");
            Document crashedIds = new Document("_id", new Document("$regex", "^" + crash.prefix() + "-"));
            assertThat(zones.countDocuments(crashedIds)).isEqualTo(BATCH);
            assertThat(zones.countDocuments(crashedIds.append("version", 1L))).isEqualTo(BATCH);
            // One audit entry for the request, listing all its records, though it ran twice.
            List<Document> entries = audit.find(new Document("records.id", crash.prefix() + "-0")).into(new java.util.ArrayList<>());
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).getList("records", Document.class)).hasSize(BATCH);
            assertThat(sync(crashed, key).json()).isEqualTo(resent.json());
        }
    }

    @Test
    @Order(11)
    void theReferenceClientPushesAFolderTwiceAndPullsTheCitysWholeView() throws Exception {
        Response created = gateway.post("/api/clients", TestHttp.json(Map.of("name", "深圳市科技创新局",
                "regionCode", "440300", "roles", List.of("READ", "WRITE"))), "X-Api-Key", suite.secrets().adminKey());
        String key = created.json().get("apiKey").asString();
        Path folder = Files.createDirectories(data.resolve("exports/zones"));
        for (int file = 0; file < 3; file++) {
            List<Map<String, Object>> records = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                records.add(Map.of("id", "sz-" + file + "-" + i, "data", Map.of("name", "深圳片区 " + file + "-" + i,
                        "regionCode", "440300", "memberCities", List.of("440300"))));
            }
            Files.writeString(folder.resolve("export-" + file + ".json"), TestHttp.json(records));
        }

        ClientRun first = syncClient(key, "push", "--resource", "zones", "--dir", folder.toString(), "--batch", "500");
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("total (3 of 3 batches answered): created 1200,");
        // Run again, as after a crash: the same keys, the stored answers, nothing written twice.
        ClientRun again = syncClient(key, "push", "--resource", "zones", "--dir", folder.toString(), "--batch", "500");
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("total (3 of 3 batches answered): created 1200,");
        try (MongoClient store = MongoClients.create(suite.config().mongoUri())) {
            var zones = store.getDatabase("dzn_zone").getCollection("zones");
            assertThat(zones.countDocuments(new Document("_id", new Document("$regex", "^sz-"))
                    .append("version", 1L))).isEqualTo(1200);
        }

        Path cursor = data.resolve("state/zones.cursor");
        Path changes = data.resolve("state/zones-changes.jsonl");
        Files.createDirectories(cursor.getParent());
        ClientRun pull = syncClient(key, "pull", "--resource", "zones", "--cursor-file", cursor.toString(),
                "--out", changes.toString());
        assertThat(pull.exit()).as(pull.output()).isZero();
        assertThat(liveIdsIn(changes)).isEqualTo(listedIds(key));
        // From the saved cursor there is nothing new, and nothing is appended.
        long lines = Files.readAllLines(changes).size();
        assertThat(syncClient(key, "pull", "--resource", "zones", "--cursor-file", cursor.toString(),
                "--out", changes.toString()).exit()).isZero();
        assertThat(Files.readAllLines(changes)).hasSize((int) lines);
    }

    record ClientRun(int exit, String output) {
    }

    /** The sync-client jar as a bureau runs it, its key in the environment. */
    static ClientRun syncClient(String key, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                suite.config().home().resolve("sync-client/target/sync-client.jar").toString(), args[0],
                "--gateway", "http://localhost:" + suite.config().gatewayPort()));
        command.addAll(List.of(args).subList(1, args.length));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DZN_API_KEY", key);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        return new ClientRun(process.exitValue(), output);
    }

    static java.util.Set<String> liveIdsIn(Path changes) throws IOException {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(changes)) {
            var change = new tools.jackson.databind.json.JsonMapper().readTree(line);
            if (!change.get("deleted").asBoolean()) {
                ids.add(change.get("id").asString());
            }
        }
        return ids;
    }

    static java.util.Set<String> listedIds(String key) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        String next = null;
        do {
            Response page = gateway.get("/api/zones?limit=500" + (next == null ? "" : "&after=" + next), "X-Api-Key", key);
            page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
            var cursor = page.json().path("next");
            next = cursor.isNull() || cursor.isMissingNode() ? null : cursor.asString();
        } while (next != null);
        return ids;
    }

    record Crash(String prefix, String batch, String key) {
    }

    /**
     * Sends a batch and kills the zone service once the request holds its key but before it
     * recorded its answer; tries again with new ids and key when the request was quicker than the kill.
     */
    static Crash killMidRequest(MongoDatabase database) {
        MongoCollection<Document> keys = database.getCollection("idempotency");
        MongoCollection<Document> audit = database.getCollection("audit");
        for (int attempt = 0; attempt < 10; attempt++) {
            String prefix = "crashed" + attempt;
            String batch = zones(prefix);
            String key = prefix + "-run";
            Document id = new Document("_id", "bootstrap-admin|" + key);
            CompletableFuture<Void> inFlight = CompletableFuture.runAsync(() -> sync(batch, key));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                    .until(() -> keys.countDocuments(id) == 1);
            suite.crashAndRestart("zone-service");
            inFlight.handle((ok, failed) -> null).join();
            // A finished request's audit entry holds its answer.
            if (audit.countDocuments(new Document("_id", keys.find(id).first().getObjectId("auditId"))) == 0) {
                return new Crash(prefix, batch, key);
            }
        }
        throw new AssertionError("the request always finished before the kill landed");
    }

    static final int BATCH = 1000;

    static String zones(String prefix) {
        List<Map<String, Object>> records = new java.util.ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            records.add(Map.of("id", prefix + "-" + i, "data", Map.of("name", "片区" + i, "regionCode", "440100",
                    "memberCities", List.of("440100"))));
        }
        return TestHttp.json(Map.of("records", records));
    }

    static Response sync(String body, String key) {
        return gateway.post("/api/zones/sync", body, "X-Api-Key", suite.secrets().adminKey(), "Idempotency-Key", key);
    }

    private static SuiteConfig ports;

    /** Free ports chosen once, so a restart finds the same data and tests never collide with a running suite. */
    static synchronized SuiteConfig config() {
        if (ports == null) {
            Map<String, Integer> servicePorts = new LinkedHashMap<>();
            SuiteConfig.SERVICES.forEach(service -> servicePorts.put(service, freePort()));
            ports = new SuiteConfig(SuiteConfig.findHome(Path.of("")), data, freePort(), freePort(), servicePorts,
                    freePort(), null, true, SuiteConfig.defaultJvmOptions());
        }
        return ports;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
