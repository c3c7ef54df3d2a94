package cn.dzn.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import cn.dzn.platform.test.TestHttp;

/**
 * Gateway overhead (issue 5 item 7): a one-document read, {@code GET /api/zones/{id}}, through
 * the gateway against the same read directly on zone-service, at 1 and at 16 connections. Each
 * level runs direct, gateway, gateway, direct in quarters, so neither side always runs second;
 * the two direct quarters double as the load generator's self-check (they should agree).
 */
final class GatewayOverhead {

    private final Api api;
    private final Duration quarter;
    private double[] cpu;

    GatewayOverhead(Api api, boolean quick) {
        this.api = api;
        this.quarter = Duration.ofSeconds(quick ? 2 : 8);
    }

    List<Figure> run() throws Exception {
        String id = api.createZone("基准读取片区", List.of("440100", "440300"));
        String path = "/api/zones/" + id;
        TestHttp.Response viaGateway = api.gateway().get(path, "X-Api-Key", cn.dzn.launcher.SuiteConfig.DEV_ADMIN_KEY);
        TestHttp.Response direct = TestHttp.localhost(api.suite().port("zone-service")).get(path, "Authorization",
                api.bearer());
        SyncIngest.check(viaGateway.status() == 200 && direct.status() == 200
                && viaGateway.json().equals(direct.json()), "gateway and direct reads differ: " + viaGateway.text()
                        + " vs " + direct.text());

        // Warm both paths (JIT, connection pools) before anything is recorded.
        Load.run(() -> api.direct("zone-service", path), 16, Duration.ZERO, quarter);
        Load.run(() -> api.viaGateway(path), 16, Duration.ZERO, quarter);

        List<Figure> figures = new ArrayList<>();
        for (int connections : new int[] {1, 16}) {
            // Warm this level on both sides first. (The first direct quarter at one connection
            // still runs well below the last in every run; docs/performance.md.)
            Load.run(() -> api.direct("zone-service", path), connections, Duration.ZERO, quarter.dividedBy(2));
            Load.run(() -> api.viaGateway(path), connections, Duration.ZERO, quarter.dividedBy(2));
            cpu = new double[4];
            Load.Result d1 = run(path, connections, false);
            Load.Result g = run(path, connections, true).plus(run(path, connections, true));
            Load.Result d2 = run(path, connections, false);
            Load.Result d = d1.plus(d2);
            String check = String.format("direct quarters %.0f and %.0f req/s (self-check); CPU per request: "
                    + "gateway %.2f ms + zone-service %.2f ms via the gateway, zone-service %.2f ms direct; bench JVM "
                    + "used %.2f cores on the direct and %.2f on the gateway side", d1.perSecond(), d2.perSecond(),
                    cpu[0] * 1e3 / g.sent(), cpu[1] * 1e3 / g.sent(), cpu[3] * 1e3 / d.sent(), d.clientCores(),
                    g.clientCores());
            String at = connections + (connections == 1 ? " connection" : " connections");
            if (connections == 1) {
                figures.add(new Figure("Gateway read, " + at + ": p50 (gateway vs direct)", "ms", d.p50Ms(),
                        g.p50Ms(), 1.0, Figure.Goal.ADDED_AT_MOST, String.format(
                                "added p50 %.2f ms; %s", g.p50Ms() - d.p50Ms(), check)));
                figures.add(Figure.info("Gateway read, " + at + ": p99", "ms", d.p99Ms(), g.p99Ms(),
                        String.format("added p99 %.2f ms", g.p99Ms() - d.p99Ms())));
                figures.add(Figure.info("Gateway read, " + at + ": throughput", "req/s", d.perSecond(),
                        g.perSecond(), "closed loop, so this is 1 / latency"));
            } else {
                figures.add(new Figure("Gateway read, " + at + ": throughput (gateway vs direct)", "req/s",
                        d.perSecond(), g.perSecond(), 0.45, true, check + "; target from issue 5 item 7"));
                figures.add(Figure.info("Gateway read, " + at + ": p50", "ms", d.p50Ms(), g.p50Ms(), ""));
                figures.add(Figure.info("Gateway read, " + at + ": p99", "ms", d.p99Ms(), g.p99Ms(), ""));
            }
        }
        return figures;
    }

    /**
     * One quarter; adds the CPU seconds the gateway and zone-service processes used to
     * {@code cpu} (gateway, zone-service on the gateway side; then the same on the direct side).
     */
    private Load.Result run(String path, int connections, boolean viaGateway) throws Exception {
        long gateway = api.suite().parts().get("gateway").pid();
        long zone = api.suite().parts().get("zone-service").pid();
        double gatewayBefore = Load.cpuSeconds(gateway);
        double zoneBefore = Load.cpuSeconds(zone);
        Load.Result result = Load.run(() -> viaGateway ? api.viaGateway(path) : api.direct("zone-service", path),
                connections, Duration.ofSeconds(1), quarter);
        int side = viaGateway ? 0 : 2;
        cpu[side] += Load.cpuSeconds(gateway) - gatewayBefore;
        cpu[side + 1] += Load.cpuSeconds(zone) - zoneBefore;
        return result;
    }
}
