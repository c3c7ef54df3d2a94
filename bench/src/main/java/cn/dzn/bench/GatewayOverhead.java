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

    GatewayOverhead(Api api, boolean quick) {
        this.api = api;
        this.quarter = Duration.ofSeconds(quick ? 3 : 8);
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
            Load.Result d1 = directRun(path, connections);
            Load.Result g = gatewayRun(path, connections).plus(gatewayRun(path, connections));
            Load.Result d2 = directRun(path, connections);
            Load.Result d = d1.plus(d2);
            String check = String.format("direct quarters %.0f and %.0f req/s (self-check), bench JVM used %.2f cores "
                    + "on the direct and %.2f on the gateway side", d1.perSecond(), d2.perSecond(), d.clientCores(),
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

    private Load.Result directRun(String path, int connections) throws Exception {
        return Load.run(() -> api.direct("zone-service", path), connections, Duration.ofSeconds(1), quarter);
    }

    private Load.Result gatewayRun(String path, int connections) throws Exception {
        return Load.run(() -> api.viaGateway(path), connections, Duration.ofSeconds(1), quarter);
    }
}
