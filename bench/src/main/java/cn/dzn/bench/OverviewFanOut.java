package cn.dzn.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.dzn.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * Overview fan-out: {@code GET /api/zones/{id}/overview} on zone-service against the slowest of
 * the three {@code /internal/figures?regions=<member cities>} calls it makes (the query
 * OverviewService builds), each called directly with an internal token at one connection. If the
 * three ran one after another the overview would cost about their sum; in parallel, about the
 * slowest plus the zone lookup.
 */
final class OverviewFanOut {

    private static final List<String> DOWNSTREAM = List.of("fund-service", "talent-service", "incubator-service");

    private final Api api;
    private final Duration half;

    OverviewFanOut(Api api, boolean quick) {
        this.api = api;
        this.half = Duration.ofMillis(quick ? 1500 : 6000);
    }

    Figure run() throws Exception {
        List<String> cities = List.of("440100", "440300", "440400");
        String id = api.createZone("基准概览片区", cities);
        String overview = "/api/zones/" + id + "/overview";
        String figures = "/internal/figures?regions=" + String.join(",", cities);

        // The overview path (Feign, breakers, three pools) needs far more calls than one read
        // before the JIT has compiled it: a few seconds at one connection left it 3× slower.
        for (String service : DOWNSTREAM) {
            Load.run(() -> api.direct(service, figures), 4, Duration.ZERO, half);
        }
        Load.run(() -> api.direct("zone-service", overview), 4, Duration.ZERO, half.multipliedBy(3));

        allSectionsAvailable(overview);

        // Downstream calls, overview, overview, downstream calls: neither side always runs second.
        Map<String, Load.Result> calls = new LinkedHashMap<>();
        for (String service : DOWNSTREAM) {
            calls.put(service, one(service, figures));
        }
        Load.Result measured = one("zone-service", overview).plus(one("zone-service", overview));
        for (String service : DOWNSTREAM) {
            calls.merge(service, one(service, figures), Load.Result::plus);
        }
        double together = together(figures);
        allSectionsAvailable(overview);
        String slowest = calls.entrySet().stream().max(Map.Entry.comparingByValue(
                (a, b) -> Double.compare(a.p50Ms(), b.p50Ms()))).orElseThrow().getKey();
        double sum = calls.values().stream().mapToDouble(Load.Result::p50Ms).sum();
        StringBuilder note = new StringBuilder("one connection; p50 of each call alone:");
        calls.forEach((service, result) -> note.append(String.format(" %s %.2f ms,", service, result.p50Ms())));
        note.append(String.format(" sum %.2f ms; the three at once from a plain client %.2f ms (what two cores "
                + "give three services called together); overview p99 %.2f ms; baseline is the slowest (%s)", sum,
                together, measured.p99Ms(), slowest));
        return new Figure("Overview fan-out: p50 (overview vs slowest downstream call)", "ms",
                calls.get(slowest).p50Ms(), measured.p50Ms(), 1.3, false, note.toString());
    }

    /**
     * Correctness: every section answered (an unavailable one is fast and wrong). Checked after
     * the warm-up: the very first overview after start can lose a section to the 2 s time limit
     * while Feign and the JIT are cold (seen once in a full run).
     */
    private void allSectionsAvailable(String overview) {
        JsonNode sections = TestHttp.localhost(api.suite().port("zone-service"))
                .get(overview, "Authorization", api.bearer()).json().path("sections");
        for (String section : List.of("funds", "talent", "incubators")) {
            SyncIngest.check(sections.path(section).path("available").asBoolean(), "overview section " + section
                    + " unavailable: " + sections);
        }
    }

    /** p50 of the three downstream calls sent at once and awaited together, without zone-service. */
    private double together(String figures) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> latencies = new ArrayList<>();
        long until = System.nanoTime() + half.toNanos();
        while (System.nanoTime() < until) {
            long sent = System.nanoTime();
            CompletableFuture.allOf(DOWNSTREAM.stream().map(service -> client.sendAsync(api.direct(service, figures),
                    HttpResponse.BodyHandlers.discarding()).thenAccept(response -> SyncIngest.check(
                            response.statusCode() == 200, service + " answered " + response.statusCode())))
                    .toArray(CompletableFuture[]::new)).join();
            latencies.add(System.nanoTime() - sent);
        }
        Collections.sort(latencies);
        return latencies.get(latencies.size() / 2) / 1e6;
    }

    private Load.Result one(String service, String path) throws Exception {
        return Load.run(() -> api.direct(service, path), 1, Duration.ofMillis(500), half);
    }
}
