package cn.dzn.syncclient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** pull against a WireMock change feed: paging, the cursor file, resuming, retries. */
class PullTest {

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String CHANGES = "/api/zones/changes";

    @TempDir
    Path dir;

    @Test
    void followsNextUntilCaughtUpWritingOneLinePerChange() throws IOException {
        stubFeed();

        CliRun run = pull("--limit", "2");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(lines()).containsExactly(change("c1", "zone-a"), change("c2", "zone-b"), change("c3", "zone-c"));
        assertThat(Pull.readCursor(cursorFile())).isEqualTo("c3");
        assertThat(feedRequests()).extracting(PullTest::since)
                .as("the first page without since, then each next").hasSize(3).startsWith((String) null)
                .endsWith("c2", "c3");
        assertThat(feedRequests()).allSatisfy(r -> {
            assertThat(r.queryParameter("limit").firstValue()).isEqualTo("2");
            assertThat(r.getHeader("X-Api-Key")).isEqualTo(CliRun.KEY);
        });
        assertThat(run.output()).contains("DONE: 3 changes, caught up at c3");
    }

    @Test
    void aSecondRunResumesFromTheCursorAndWritesNothingNew() throws IOException {
        stubFeed();
        assertThat(pull().exit()).isZero();
        List<String> first = lines();
        gateway.resetRequests();

        CliRun again = pull();

        assertThat(again.exit()).isZero();
        assertThat(lines()).isEqualTo(first).hasSize(3);
        assertThat(feedRequests()).singleElement()
                .satisfies(r -> assertThat(since(r)).isEqualTo("c3"));
        assertThat(again.output()).contains("since c3", "DONE: 0 changes");
    }

    @Test
    void aPullThatFailsMidwayResumesWithoutLosingOrRepeatingAChange() throws IOException {
        stubFeed();
        // The second page fails once, with an answer that is not retried.
        gateway.stubFor(page(equalTo("c2")).inScenario("outage").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("over"));

        CliRun failed = pull();

        assertThat(failed.exit()).isEqualTo(SyncClient.EXIT_FAILED);
        assertThat(failed.output()).contains("HTTP 500", "run the same pull again to resume");
        assertThat(Pull.readCursor(cursorFile())).isEqualTo("c2");
        assertThat(lines()).hasSize(2);

        assertThat(pull().exit()).isZero();
        assertThat(lines()).containsExactly(change("c1", "zone-a"), change("c2", "zone-b"), change("c3", "zone-c"));
    }

    @Test
    void retriesA503OnTheFeed() throws IOException {
        stubFeed();
        gateway.stubFor(page(absent()).inScenario("restart").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));

        CliRun run = pull();

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("retrying in", "HTTP 503");
        assertThat(lines()).hasSize(3);
        assertThat(feedRequests()).hasSize(4);
    }

    @Test
    void anEmptyPageThatMovesOnStillSavesTheCursor() throws IOException {
        // Changes outside the caller's region move the feed on without showing up in it.
        gateway.stubFor(page(absent()).willReturn(page("c9")));

        assertThat(pull().exit()).isZero();

        assertThat(Pull.readCursor(cursorFile())).isEqualTo("c9");
        assertThat(dir.resolve("zones.jsonl")).doesNotExist();
        assertThat(dir.resolve("cursor.tmp")).doesNotExist();
    }

    /** c1, c2 on the first page; c3 on the second; then nothing new. */
    private void stubFeed() {
        gateway.stubFor(page(absent()).atPriority(5).willReturn(page("c2", change("c1", "zone-a"), change("c2", "zone-b"))));
        gateway.stubFor(page(equalTo("c2")).atPriority(5).willReturn(page("c3", change("c3", "zone-c"))));
        gateway.stubFor(page(equalTo("c3")).atPriority(5).willReturn(page("c3")));
    }

    private static MappingBuilder page(StringValuePattern since) {
        return get(urlPathEqualTo(CHANGES)).withQueryParam("since", since);
    }

    private static ResponseDefinitionBuilder page(String next, String... items) {
        return okJson("{\"items\":[" + String.join(",", items) + "],\"next\":\"" + next + "\"}");
    }

    /** A change as the feed serves it, and (compact, in the same field order) as the out file holds it. */
    private static String change(String cursor, String id) {
        return "{\"cursor\":\"" + cursor + "\",\"id\":\"" + id + "\",\"version\":1,\"deleted\":false,\"record\":{\"id\":\""
                + id + "\",\"name\":\"广州片区\",\"regionCode\":\"440100\",\"memberCities\":[\"440100\"],\"version\":1}}";
    }

    private CliRun pull(String... options) {
        List<String> all = new ArrayList<>(List.of("--cursor-file", cursorFile().toString(), "--out",
                dir.resolve("zones.jsonl").toString()));
        all.addAll(List.of(options));
        return CliRun.of("pull", gateway.baseUrl(), all.toArray(String[]::new));
    }

    private Path cursorFile() {
        return dir.resolve("cursor");
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(dir.resolve("zones.jsonl"), StandardCharsets.UTF_8);
    }

    private static String since(LoggedRequest request) {
        return request.queryParameter("since").isPresent() ? request.queryParameter("since").firstValue() : null;
    }

    private List<LoggedRequest> feedRequests() {
        return gateway.findAll(getRequestedFor(urlPathEqualTo(CHANGES)));
    }
}
