package cn.dzn.syncclient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;

/** push against a WireMock gateway: batching, stable keys, what is retried and what is reported. */
class PushTest {

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String SYNC = "/api/zones/sync";
    static final String ALL_CREATED = "{\"counts\":{\"created\":1},\"results\":[{\"index\":0,\"id\":\"zone-0\","
            + "\"outcome\":\"created\",\"version\":1}]}";

    @TempDir
    Path dir;

    @Test
    void splitsIntoFullBatchesInFileNameOrderUnderKeysThatOnlyTheContentDecides() throws IOException {
        gateway.stubFor(post(SYNC).willReturn(okJson("{\"counts\":{},\"results\":[]}")));
        // Written out of order, with a file that is not a record file.
        writeRecords("02-second.json", 1200, 2499);
        writeRecords("01-first.json", 0, 1200);
        Files.writeString(dir.resolve("03-single.json"), record(2499));
        Files.writeString(dir.resolve("notes.txt"), "not a record");

        assertThat(push("--batch", "1000").exit()).isZero();
        List<LoggedRequest> first = syncRequests();
        assertThat(first).extracting(r -> records(r).size()).containsExactly(1000, 1000, 500);
        assertThat(first.stream().flatMap(r -> ids(r).stream()))
                .containsExactlyElementsOf(IntStream.range(0, 2500).mapToObj(PushTest::id).toList());
        assertThat(first).allSatisfy(r -> {
            assertThat(r.getHeader("X-Api-Key")).isEqualTo(CliRun.KEY);
            assertThat(r.getHeader("Idempotency-Key")).matches("dzn-sc1-[0-9a-f]{64}")
                    .isEqualTo(Push.idempotencyKey("zones", r.getBody()));
        });
        assertThat(records(first.get(0)).get(0).get("data").get("name").asString()).isEqualTo("广州片区");
        List<String> keys = keys(first);
        assertThat(keys).doesNotHaveDuplicates();

        gateway.resetRequests();
        assertThat(push("--batch", "1000").exit()).isZero();
        assertThat(keys(syncRequests())).as("the same folder again: the same keys").isEqualTo(keys);

        gateway.resetRequests();
        Files.writeString(dir.resolve("03-single.json"), record(2499).replace("广州片区", "广州片区（更新）"));
        assertThat(push("--batch", "1000").exit()).isZero();
        List<String> changed = keys(syncRequests());
        assertThat(changed.subList(0, 2)).isEqualTo(keys.subList(0, 2));
        assertThat(changed.get(2)).as("a changed batch is a new request").isNotEqualTo(keys.get(2));
    }

    @Test
    void retriesA503WithTheSameKeyAndBody() throws IOException {
        assertRetriedThenSucceeds(aResponse().withStatus(503).withBody("upstream unavailable"));
    }

    @Test
    void retriesARequestThatOutlivesTheTimeout() throws IOException {
        assertRetriedThenSucceeds(okJson(ALL_CREATED).withFixedDelay(1500), "--timeout-ms", "300");
    }

    @Test
    void retriesAResetConnection() throws IOException {
        assertRetriedThenSucceeds(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    @Test
    void retriesWhileTheSameKeyIsStillRunning() throws IOException {
        assertRetriedThenSucceeds(problem(409, "request-in-progress", "a request with this Idempotency-Key is still running"));
    }

    @Test
    void givesUpAfterTheConfiguredAttempts() throws IOException {
        gateway.stubFor(post(SYNC).willReturn(aResponse().withStatus(503)));
        writeRecords("zones.json", 0, 1);

        CliRun run = push();

        assertThat(run.exit()).isEqualTo(SyncClient.EXIT_FAILED);
        assertThat(syncRequests()).hasSize(4);
        assertThat(run.output()).contains("gave up after 4 attempts", "batch 1/1 FAILED: HTTP 503");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 409, 413, 500})
    void neverRetriesARefusalAndSendsNothingAfterIt(int status) throws IOException {
        gateway.stubFor(post(SYNC).willReturn(problem(status, "bad-request", "the batch is not a JSON object")));
        writeRecords("zones.json", 0, 3);

        CliRun run = push("--batch", "2");

        assertThat(run.exit()).isEqualTo(SyncClient.EXIT_FAILED);
        assertThat(syncRequests()).hasSize(1);
        assertThat(run.output()).contains("batch 1/2 FAILED: HTTP " + status + " bad-request: the batch is not a JSON object",
                "not sent: batch 2 (1 record)", "FAILED: run the same push again");
    }

    @Test
    void reportsAReusedKeyClearly() throws IOException {
        gateway.stubFor(post(SYNC).willReturn(problem(422, "idempotency-key-reused",
                "this Idempotency-Key was used for a different request; use a new key for new content")));
        writeRecords("zones.json", 0, 1);

        CliRun run = push();

        assertThat(run.exit()).isEqualTo(SyncClient.EXIT_FAILED);
        assertThat(syncRequests()).hasSize(1);
        assertThat(run.output()).contains("HTTP 422 idempotency-key-reused: this Idempotency-Key was used for a different",
                "report it with the key above", Push.idempotencyKey("zones", syncRequests().get(0).getBody()));
    }

    @Test
    void listsEveryConflictAndRejectionAndExitsWith2() throws IOException {
        gateway.stubFor(post(SYNC).willReturn(okJson("""
                {"counts": {"created": 1, "unchanged": 1, "conflict": 1, "rejected": 1},
                 "results": [{"index": 0, "id": "zone-00000", "outcome": "created", "version": 1},
                   {"index": 1, "id": "zone-00001", "outcome": "unchanged", "version": 4},
                   {"index": 2, "id": "zone-00002", "outcome": "conflict", "currentVersion": 3},
                   {"index": 3, "id": "zone-00003", "outcome": "rejected", "errors": [
                     {"field": "data.regionCode", "message": "outside your region 440100"},
                     {"field": "data.name", "message": "must not be blank"}]}]}""")));
        writeRecords("zones.json", 0, 4);

        CliRun run = push();

        assertThat(run.exit()).isEqualTo(SyncClient.EXIT_REFUSED_RECORDS);
        assertThat(run.output()).contains("CONFLICT zone-00002 (zones.json[2]): the network is at version 3",
                "REJECTED zone-00003 (zones.json[3])", "data.regionCode: outside your region 440100",
                "data.name: must not be blank",
                "total (1 of 1 batches answered): created 1, updated 0, deleted 0, unchanged 1, conflict 1, rejected 1")
                .doesNotContain("zone-00000 (", "zone-00001 (");
    }

    @Test
    void refusesAMisspeltFieldBeforeSendingAnything() throws IOException {
        Files.writeString(dir.resolve("zones.json"), "{\"id\": \"zone-1\", \"daat\": {}}");

        CliRun run = push();

        assertThat(run.exit()).isEqualTo(SyncClient.EXIT_FAILED);
        assertThat(run.output()).contains("FAILED before sending anything: zones.json", "daat");
        assertThat(syncRequests()).isEmpty();
    }

    @Test
    void aBatchAboveTheNetworksLimitIsAUsageError() {
        CliRun run = push("--batch", "1001");

        assertThat(run.exit()).isEqualTo(SyncClient.EXIT_USAGE);
        assertThat(run.output()).contains("--batch must be a whole number from 1 to 1000");
    }

    private void assertRetriedThenSucceeds(ResponseDefinitionBuilder first, String... options) throws IOException {
        gateway.stubFor(post(SYNC).inScenario("retry").whenScenarioStateIs(STARTED).willReturn(first)
                .willSetStateTo("recovered"));
        gateway.stubFor(post(SYNC).inScenario("retry").whenScenarioStateIs("recovered").willReturn(okJson(ALL_CREATED)));
        writeRecords("zones.json", 0, 1);

        CliRun run = push(options);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("retrying in", "(attempt 2 of 4)", "created 1");
        List<LoggedRequest> requests = syncRequests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeader("Idempotency-Key")).isEqualTo(requests.get(0).getHeader("Idempotency-Key"));
        assertThat(requests.get(1).getBody()).isEqualTo(requests.get(0).getBody());
    }

    private CliRun push(String... options) {
        List<String> all = new ArrayList<>(List.of("--dir", dir.toString()));
        all.addAll(List.of(options));
        return CliRun.of("push", gateway.baseUrl(), all.toArray(String[]::new));
    }

    private static ResponseDefinitionBuilder problem(int status, String kind, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\": \"https://dzn.example.cn/problems/" + kind + "\", \"status\": " + status
                        + ", \"detail\": \"" + detail + "\"}");
    }

    private List<LoggedRequest> syncRequests() {
        return gateway.findAll(postRequestedFor(urlEqualTo(SYNC)).withHeader("Content-Type", equalTo("application/json")));
    }

    private static List<String> keys(List<LoggedRequest> requests) {
        return requests.stream().map(r -> r.getHeader("Idempotency-Key")).toList();
    }

    private static JsonNode records(LoggedRequest request) {
        return Wire.LENIENT.readTree(request.getBodyAsString()).get("records");
    }

    private static List<String> ids(LoggedRequest request) {
        List<String> ids = new ArrayList<>();
        records(request).forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    private void writeRecords(String file, int from, int to) throws IOException {
        Files.writeString(dir.resolve(file), "[" + String.join(",\n", IntStream.range(from, to)
                .mapToObj(PushTest::record).toList()) + "]", StandardCharsets.UTF_8);
    }

    private static String record(int n) {
        return "{\"id\": \"" + id(n) + "\", \"data\": {\"name\": \"广州片区\", \"regionCode\": \"440100\", "
                + "\"memberCities\": [\"440100\"]}}";
    }

    private static String id(int n) {
        return String.format("zone-%05d", n);
    }
}
