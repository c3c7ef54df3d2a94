package cn.dzn.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.dzn.launcher.ChildProcess;
import cn.dzn.platform.test.TestHttp;

/**
 * Gateway overhead (issue 5 item 7): a one-document read, {@code GET /api/zones/{id}}, through
 * the gateway against the same read directly on zone-service, at 1 and at 16 connections. A
 * second baseline runs beside them: Spring Cloud Gateway as it comes, one route and nothing
 * else (the vanilla-gateway module), so what the library costs by itself is measured in the
 * same run. Each level runs direct, gateway, vanilla, vanilla, gateway, direct, so no side
 * always runs first or last; the two direct runs double as the load generator's self-check.
 */
final class GatewayOverhead {

    private enum Side { DIRECT, GATEWAY, VANILLA }

    private final Api api;
    private final Duration quarter;
    private int vanillaPort;
    private ChildProcess vanilla;
    /** CPU seconds per side: the proxy in front (none on the direct side), zone-service, their JIT. */
    private Map<Side, double[]> cpu;
    /** How many warm-up quarters each side took (warm). */
    private final Map<Side, String> warmUp = new EnumMap<>(Side.class);

    GatewayOverhead(Api api, boolean quick) {
        this.api = api;
        this.quarter = Duration.ofSeconds(quick ? 2 : 8);
    }

    List<Figure> run() throws Exception {
        vanillaPort = Bench.freePort();
        vanilla = api.suite().startBeside("vanilla-gateway", vanillaPort,
                Map.of("ZONE_SERVICE_URL", api.suite().config().serviceUrl("zone-service")));
        try {
            vanilla.awaitPort(vanillaPort, Duration.ofSeconds(120));
            return measure();
        } finally {
            vanilla.stop(Duration.ofSeconds(20));
        }
    }

    private List<Figure> measure() throws Exception {
        String id = api.createZone("基准读取片区", List.of("440100", "440300"));
        String path = "/api/zones/" + id;
        TestHttp.Response viaGateway = api.gateway().get(path, "X-Api-Key", api.adminKey());
        TestHttp.Response direct = TestHttp.localhost(api.suite().port("zone-service")).get(path, "Authorization",
                api.bearer());
        TestHttp.Response viaVanilla = TestHttp.localhost(vanillaPort).get(path, "Authorization", api.bearer());
        SyncIngest.check(viaGateway.status() == 200 && direct.status() == 200 && viaVanilla.status() == 200
                && viaGateway.json().equals(direct.json()) && viaVanilla.json().equals(direct.json()),
                "gateway, vanilla and direct reads differ: " + viaGateway.text() + " vs " + viaVanilla.text()
                        + " vs " + direct.text());

        // Warm every path (JIT, connection pools) before anything is recorded.
        for (Side side : Side.values()) {
            warm(side, path);
        }
        List<Figure> figures = new ArrayList<>();
        for (int connections : new int[] {1, 16}) {
            // Warm this level on every side first. (The first direct quarter at one connection
            // still runs well below the last in every run; docs/performance.md.)
            for (Side side : Side.values()) {
                Load.run(() -> request(side, path), connections, Duration.ZERO, quarter.dividedBy(2));
            }
            cpu = new EnumMap<>(Side.class);
            Load.Result d1 = run(Side.DIRECT, path, connections);
            Load.Result g = run(Side.GATEWAY, path, connections);
            Load.Result v = run(Side.VANILLA, path, connections).plus(run(Side.VANILLA, path, connections));
            g = g.plus(run(Side.GATEWAY, path, connections));
            Load.Result d2 = run(Side.DIRECT, path, connections);
            figures.addAll(figures(connections, d1, d2, g, v));
        }
        return figures;
    }

    private List<Figure> figures(int connections, Load.Result d1, Load.Result d2, Load.Result g, Load.Result v) {
        Load.Result d = d1.plus(d2);
        String check = String.format("direct quarters %.0f and %.0f req/s (self-check); CPU per request: "
                + "gateway %.2f ms + zone-service %.2f ms via the gateway, zone-service %.2f ms direct; bench JVM "
                + "used %.2f cores on the direct and %.2f on the gateway side; JIT compilers in the measured "
                + "quarters: %.1f s direct, %.1f s gateway side (warm-up quarters: %s direct, %s gateway)",
                d1.perSecond(), d2.perSecond(), perRequest(Side.GATEWAY, 0, g), perRequest(Side.GATEWAY, 1, g),
                perRequest(Side.DIRECT, 1, d), d.clientCores(), g.clientCores(), cpu.get(Side.DIRECT)[2],
                cpu.get(Side.GATEWAY)[2], warmUp.get(Side.DIRECT), warmUp.get(Side.GATEWAY));
        String vanillaCpu = String.format("Spring Cloud Gateway with one route and nothing else (vanilla-gateway), "
                + "same JVM options; CPU per request: vanilla %.2f ms + zone-service %.2f ms; JIT compilers in "
                + "the measured quarters: %.1f s (warm-up quarters: %s)", perRequest(Side.VANILLA, 0, v),
                perRequest(Side.VANILLA, 1, v), cpu.get(Side.VANILLA)[2], warmUp.get(Side.VANILLA));
        String at = connections + (connections == 1 ? " connection" : " connections");
        if (connections == 1) {
            return List.of(
                    new Figure("Gateway read, " + at + ": p50 (gateway vs direct)", "ms", d.p50Ms(), g.p50Ms(), 1.0,
                            Figure.Goal.ADDED_AT_MOST, String.format("added p50 %.2f ms; %s", g.p50Ms() - d.p50Ms(),
                                    check)),
                    Figure.info("Gateway read, " + at + ": p99", "ms", d.p99Ms(), g.p99Ms(),
                            String.format("added p99 %.2f ms", g.p99Ms() - d.p99Ms())),
                    Figure.info("Gateway read, " + at + ": throughput", "req/s", d.perSecond(), g.perSecond(),
                            "closed loop, so this is 1 / latency"),
                    Figure.info("Gateway read, " + at + ": p50, vanilla Spring Cloud Gateway vs direct", "ms",
                            d.p50Ms(), v.p50Ms(), String.format("added p50 %.2f ms; %s", v.p50Ms() - d.p50Ms(),
                                    vanillaCpu)));
        }
        return List.of(
                new Figure("Gateway read, " + at + ": throughput (gateway vs direct)", "req/s", d.perSecond(),
                        g.perSecond(), 0.45, true, check + "; target from issue 5 item 7"),
                Figure.info("Gateway read, " + at + ": p50", "ms", d.p50Ms(), g.p50Ms(), ""),
                Figure.info("Gateway read, " + at + ": p99", "ms", d.p99Ms(), g.p99Ms(), ""),
                Figure.info("Gateway read, " + at + ": throughput, vanilla Spring Cloud Gateway vs direct", "req/s",
                        d.perSecond(), v.perSecond(), vanillaCpu),
                Figure.info("Gateway read, " + at + ": throughput, gateway vs vanilla Spring Cloud Gateway", "req/s",
                        v.perSecond(), g.perSecond(), "what the gateway's own work (keys, limits, breakers, "
                                + "tracing, internal token) costs on top of the library"));
    }

    /**
     * Runs a side at 16 connections until the JIT compilers of its processes are nearly done
     * (under a twentieth of a core over a quarter), at most six quarters. The gateway has far
     * more code to compile than a bare one: after a fixed single quarter its compilers still used
     * about a tenth of a core through the measured quarters, which charged it for its warm-up.
     */
    private void warm(Side side, String path) throws Exception {
        int quarters = 0;
        boolean compiling = true;
        while (compiling && quarters < 6) {
            double before = jitSeconds(side);
            Load.run(() -> request(side, path), 16, Duration.ZERO, quarter);
            quarters++;
            compiling = (jitSeconds(side) - before) / (quarter.toMillis() / 1000.0) >= 0.05;
        }
        warmUp.put(side, quarters + (compiling ? " (still compiling)" : ""));
    }

    /** What the JIT compilers of the side's proxy (if any) and zone-service have used so far. */
    private double jitSeconds(Side side) {
        long proxy = proxyPid(side);
        return (proxy < 0 ? 0 : Load.jitSeconds(proxy)) + Load.jitSeconds(zonePid());
    }

    private long proxyPid(Side side) {
        return switch (side) {
            case DIRECT -> -1;
            case GATEWAY -> api.suite().parts().get("gateway").pid();
            case VANILLA -> vanilla.pid();
        };
    }

    private long zonePid() {
        return api.suite().parts().get("zone-service").pid();
    }

    private double perRequest(Side side, int process, Load.Result result) {
        return cpu.get(side)[process] * 1e3 / result.sent();
    }

    private HttpRequest request(Side side, String path) {
        return switch (side) {
            case DIRECT -> api.direct("zone-service", path);
            case GATEWAY -> api.viaGateway(path);
            case VANILLA -> HttpRequest.newBuilder(URI.create("http://localhost:" + vanillaPort + path))
                    .header("Authorization", api.bearer()).timeout(Duration.ofSeconds(30)).build();
        };
    }

    /** One quarter; adds the CPU seconds the proxy in front and zone-service used to {@code cpu}. */
    private Load.Result run(Side side, String path, int connections) throws Exception {
        long proxy = proxyPid(side);
        long zone = zonePid();
        double proxyBefore = proxy < 0 ? 0 : Load.cpuSeconds(proxy);
        double zoneBefore = Load.cpuSeconds(zone);
        double jitBefore = jitSeconds(side);
        Load.Result result = Load.run(() -> request(side, path), connections, Duration.ofSeconds(1), quarter);
        double[] used = cpu.computeIfAbsent(side, s -> new double[3]);
        used[0] += proxy < 0 ? 0 : Load.cpuSeconds(proxy) - proxyBefore;
        used[1] += Load.cpuSeconds(zone) - zoneBefore;
        used[2] += jitSeconds(side) - jitBefore;
        return result;
    }
}
