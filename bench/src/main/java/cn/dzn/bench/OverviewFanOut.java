package cn.dzn.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.dzn.platform.test.ServerTiming;
import cn.dzn.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * Overview fan-out: {@code GET /api/zones/{id}/overview} on zone-service against its floor, one
 * plain read of the zone (zone-service's own cost for any request) plus the slowest of the three
 * {@code /internal/figures?regions=<member cities>} calls it makes (the query OverviewService
 * builds), taken from the overview's own Server-Timing header, so that call was made while the
 * other two ran. Issue 15 sets the target there (≤ 1.1×). If the three ran one after another the
 * overview would cost about their sum; in parallel, about the floor. For scale, two rows compare
 * with the slowest call alone: inside the overview (issue 5's old target) and made alone on an
 * idle suite, at one connection.
 */
final class OverviewFanOut {

    private static final List<String> DOWNSTREAM = List.of("fund-service", "talent-service", "incubator-service");

    private final Api api;
    private final Duration half;

    OverviewFanOut(Api api, boolean quick) {
        this.api = api;
        this.half = Duration.ofMillis(quick ? 1500 : 6000);
    }

    List<Figure> run() throws Exception {
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
        // A plain read of the same zone: zone-service's own path for one request (Tomcat, token,
        // lookup, JSON), which every overview pays besides its calls.
        Load.Result read = one("zone-service", "/api/zones/" + id);
        for (String service : DOWNSTREAM) {
            calls.merge(service, one(service, figures), Load.Result::plus);
        }
        read = read.plus(one("zone-service", "/api/zones/" + id));
        double together = together(figures);
        Timed inside = timedOverviews(overview);
        allSectionsAvailable(overview);
        String slowest = calls.entrySet().stream().max(Map.Entry.comparingByValue(
                (a, b) -> Double.compare(a.p50Ms(), b.p50Ms()))).orElseThrow().getKey();
        double sum = calls.values().stream().mapToDouble(Load.Result::p50Ms).sum();
        StringBuilder alone = new StringBuilder("one connection; p50 of each call alone:");
        calls.forEach((service, result) -> alone.append(String.format(" %s %.2f ms,", service, result.p50Ms())));
        alone.append(String.format(" sum %.2f ms; the three at once from a plain client %.2f ms (what two cores "
                + "give three services called together); overview p99 %.2f ms; baseline is the slowest (%s)", sum,
                together, measured.p99Ms(), slowest));
        String within = String.format("one connection, %d overviews, p50s from each answer's Server-Timing: zone "
                + "lookup %.2f ms, slowest call %.2f ms, the three calls' sum %.2f ms (overview / sum %.2f: below 1 "
                + "only if they overlap), zone-service's own total %.2f ms; overview as the client saw it %.2f ms",
                inside.count(), inside.zone(), inside.slowest(), inside.sum(), inside.overview() / inside.sum(),
                inside.total(), inside.overview());
        String floor = String.format("floor: an overview cannot cost less than one request to zone-service plus "
                + "its slowest call: a plain read of the zone, p50 %.2f ms at one connection, plus the slowest call "
                + "%.2f ms", read.p50Ms(), inside.slowest());
        // Issue 15 restates the target against the floor: what the fan-out itself adds on top of
        // what no fan-out can avoid (zone-service's own request and the slowest call).
        return List.of(
                new Figure("Overview fan-out: p50 (overview vs its floor: one zone read plus the slowest call)", "ms",
                        read.p50Ms() + inside.slowest(), inside.overview(), 1.1, false, within + "; " + floor),
                Figure.info("Overview fan-out: p50 (overview vs the slowest call it makes)", "ms", inside.slowest(),
                        inside.overview(), "the target of issue 5 (≤ 1.3×), kept for comparison with earlier runs"),
                Figure.info("Overview fan-out: p50 (overview vs the slowest call made alone)", "ms",
                        calls.get(slowest).p50Ms(), measured.p50Ms(), alone.toString()));
    }

    /** p50s over one connection's overviews: the client's latency and the parts Server-Timing names. */
    private record Timed(int count, double overview, double zone, double slowest, double sum, double total) {
    }

    private Timed timedOverviews(String overview) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<double[]> samples = new ArrayList<>();
        long until = System.nanoTime() + half.multipliedBy(2).toNanos();
        while (System.nanoTime() < until) {
            long sent = System.nanoTime();
            HttpResponse<Void> answer = client.send(api.direct("zone-service", overview),
                    HttpResponse.BodyHandlers.discarding());
            double latency = (System.nanoTime() - sent) / 1e6;
            SyncIngest.check(answer.statusCode() == 200, "overview answered " + answer.statusCode());
            Map<String, Double> parts = ServerTiming.durations(answer.headers().firstValue("Server-Timing").orElse(""));
            double[] calls = DOWNSTREAM.stream().map(OverviewFanOut::section)
                    .mapToDouble(section -> parts.getOrDefault(section, Double.NaN)).toArray();
            SyncIngest.check(Arrays.stream(calls).noneMatch(Double::isNaN), "Server-Timing lacks a call: " + parts);
            samples.add(new double[] {latency, parts.get("zone"), Arrays.stream(calls).max().orElseThrow(),
                Arrays.stream(calls).sum(), parts.get("total")});
        }
        return new Timed(samples.size(), p50(samples, 0), p50(samples, 1), p50(samples, 2), p50(samples, 3),
                p50(samples, 4));
    }

    private static String section(String service) {
        return switch (service) {
            case "fund-service" -> "funds";
            case "talent-service" -> "talent";
            default -> "incubators";
        };
    }

    private static double p50(List<double[]> samples, int column) {
        return samples.stream().mapToDouble(sample -> sample[column]).sorted().skip(samples.size() / 2)
                .findFirst().orElseThrow();
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
