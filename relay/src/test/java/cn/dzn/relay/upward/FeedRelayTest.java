package cn.dzn.relay.upward;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import cn.dzn.relay.Gateway;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One resource's step against stubbed gateways: the local feed read after the cursor, the batch
 * upstream with each record's origin under a key made from the feed positions, and the cursor
 * moved only once the tier above has answered; failing and slow upstreams leave it where it was.
 */
class FeedRelayTest {

    static final String PAGE = """
            {"items": [
              {"cursor": "c-11", "id": "z1", "version": 3, "deleted": false,
               "record": {"id": "z1", "name": "广州片区", "regionCode": "440100", "version": 3,
                          "updatedAt": "2026-12-01T00:00:00Z"}, "origin": null},
              {"cursor": "c-12", "id": "z2", "version": 1, "deleted": true, "record": {"id": "z2"},
               "origin": {"deployment": "tianhe", "version": 7}}
            ], "next": "c-12"}""";

    final JsonMapper json = JsonMapper.builder().build();
    final WireMockServer local = new WireMockServer(options().dynamicPort());
    final WireMockServer upstream = new WireMockServer(options().dynamicPort());

    @TempDir
    Path state;

    @BeforeEach
    void start() {
        local.start();
        upstream.start();
        local.stubFor(get(urlPathEqualTo("/api/zones/changes")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(PAGE)));
    }

    @AfterEach
    void stop() {
        local.stop();
        upstream.stop();
    }

    FeedRelay relay(Duration timeout) {
        return new FeedRelay("guangzhou", new Gateway(URI.create(local.baseUrl()), "local-key-0123456789", timeout, json),
                new Gateway(URI.create(upstream.baseUrl()), "relay-key-0123456789", timeout, json), new Cursors(state),
                json, 500);
    }

    @Test
    void aPageGoesUpAsOneBatchWithEachRecordsOriginAndTheCursorMovesAfterTheAnswer() throws Exception {
        upstream.stubFor(post("/api/zones/sync").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"results": [{"index": 0, "id": "z1", "outcome": "created"},
                                     {"index": 1, "id": "z2", "outcome": "rejected", "errors": []}]}""")));
        FeedRelay relay = relay(Duration.ofSeconds(5));

        FeedRelay.Pushed pushed = relay.push("/api/zones", relay.read("/api/zones"));

        assertThat(pushed).isEqualTo(new FeedRelay.Pushed(2, 1));
        LoggedRequest sent = upstream.findAll(postRequestedFor(urlPathEqualTo("/api/zones/sync"))).get(0);
        assertThat(sent.getHeader("X-Api-Key")).isEqualTo("relay-key-0123456789");
        assertThat(sent.getHeader("Idempotency-Key")).matches("relay-guangzhou-[0-9a-f]{40}");
        JsonNode records = json.readTree(sent.getBodyAsString()).path("records");
        assertThat(records.get(0).path("origin").toString()).isEqualTo("{\"deployment\":\"guangzhou\",\"version\":3}");
        assertThat(records.get(0).path("data").path("name").asString()).isEqualTo("广州片区");
        // A copy relayed here from a tier below goes on as its origin's.
        assertThat(records.get(1).path("origin").toString()).isEqualTo("{\"deployment\":\"tianhe\",\"version\":7}");
        assertThat(records.get(1).path("deleted").asBoolean()).isTrue();
        assertThat(new Cursors(state).get("/api/zones")).isEqualTo("c-12");
        local.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/zones/changes"))
                .withQueryParam("limit", equalTo("500")));
    }

    @Test
    void aFailingUpstreamLeavesTheCursorAndTheSameBatchGoesAgainUnderTheSameKey() throws Exception {
        upstream.stubFor(post("/api/zones/sync").willReturn(aResponse().withStatus(503)));
        FeedRelay relay = relay(Duration.ofSeconds(5));

        assertThatThrownBy(() -> relay.push("/api/zones", relay.read("/api/zones")))
                .isInstanceOf(FeedRelay.Failure.class).hasMessageContaining("503");
        assertThatThrownBy(() -> relay.push("/api/zones", relay.read("/api/zones")))
                .isInstanceOf(FeedRelay.Failure.class);

        assertThat(new Cursors(state).get("/api/zones")).isNull();
        List<LoggedRequest> sent = upstream.findAll(postRequestedFor(urlPathEqualTo("/api/zones/sync")));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getHeader("Idempotency-Key")).isEqualTo(sent.get(0).getHeader("Idempotency-Key"));
        assertThat(sent.get(1).getBodyAsString()).isEqualTo(sent.get(0).getBodyAsString());
        upstream.verify(postRequestedFor(urlPathEqualTo("/api/zones/sync")).withRequestBody(equalToJson(
                sent.get(0).getBodyAsString())).withHeader("Idempotency-Key", matching("relay-guangzhou-.*")));
    }

    @Test
    void aSlowUpstreamTimesOutAndTheCursorStays() throws Exception {
        upstream.stubFor(post("/api/zones/sync").willReturn(aResponse().withStatus(200).withFixedDelay(2_000)
                .withHeader("Content-Type", "application/json").withBody("{\"results\": []}")));
        FeedRelay relay = relay(Duration.ofMillis(300));

        assertThatThrownBy(() -> relay.push("/api/zones", relay.read("/api/zones")))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(new Cursors(state).get("/api/zones")).isNull();
    }

    @Test
    void aCaughtUpFeedMovesItsCursorWithoutCallingUpstream() throws Exception {
        local.stubFor(get(urlPathEqualTo("/api/reports/changes")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"items\": [], \"next\": \"c-40\"}")));
        FeedRelay relay = relay(Duration.ofSeconds(5));

        assertThat(relay.push("/api/reports", relay.read("/api/reports"))).isEqualTo(new FeedRelay.Pushed(0, 0));

        assertThat(new Cursors(state).get("/api/reports")).isEqualTo("c-40");
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }
}
