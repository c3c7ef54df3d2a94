package cn.dzn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.dzn.launcher.Suite;
import cn.dzn.launcher.SuiteConfig;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * Federation (issue 18 item 6): a city deployment (its own store, zone-service and gateway)
 * relays to a nation deployment of the same parts, both started here beside the benchmark's
 * suite, which they must not touch: its paging and sync figures count its zones. The baseline is the same zones synced straight
 * to the nation in batches of 500 by one sender, as the relay sends them. The relayed rate is the
 * relay draining a backlog the city wrote while it was down (both tiers share this machine's two
 * cores, so a city ingesting while it relays takes CPU from the nation: that rate is printed for
 * context, from the first write at the city to the last zone seen in the nation's feed). Then the
 * city writes steadily at half the direct rate and each zone's lag is the time from the city's
 * answer to its first sight in the nation's feed (polled every 50 ms, so lags are up to 50 ms
 * high). Every zone must arrive, exactly once, as the city's.
 */
final class RelayFigure {

    private static final int BATCH = 500;

    private final SuiteConfig bench;
    private final List<Path> tiers = new ArrayList<>();
    private Suite nation;
    private final int total;
    private final int steadySeconds;
    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    private final List<String> twice = java.util.Collections.synchronizedList(new ArrayList<>());

    RelayFigure(Suite bench, boolean quick) {
        this.bench = bench.config();
        this.total = quick ? 5_000 : 20_000;
        this.steadySeconds = quick ? 8 : 20;
    }

    List<Figure> run() throws Exception {
        try (Suite started = new Suite(deployment()).start()) {
            nation = started;
            return measure();
        } finally {
            for (Path tier : tiers) {
                Bench.delete(tier);
            }
        }
    }

    /** A deployment of the store, a gateway and zone-service, on free ports with a fresh store. */
    private SuiteConfig deployment() throws IOException {
        Path data = Files.createTempDirectory("dzn-bench-tier");
        tiers.add(data);
        return new SuiteConfig(bench.home(), data, Bench.freePort(),
                Bench.freePort(), Map.of("zone-service", Bench.freePort()), Bench.freePort(), null, false,
                bench.jvmOptions());
    }

    private List<Figure> measure() throws Exception {
        String relayKey = key("基准城市中继", "RELAY");
        String writerKey = key("基准城市直连", "READ", "WRITE");
        try (Suite city = new Suite(deployment()).relayingTo(new Suite.RelaySettings("bench-city", "http://127.0.0.1:"
                + nation.config().gatewayPort(), relayKey, Bench.freePort(), Map.of("DZN_RELAY_RESOURCES", "/api/zones",
                "DZN_RELAY_REFERENCE_ENABLED", "false"))).start()) {
            TestHttp cityGateway = TestHttp.localhost(city.config().gatewayPort());
            String cursor = feedEnd();
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watcher = new Thread(() -> watch(cursor, watching), "nation-feed");
            watcher.start();
            try {
                write(TestHttp.localhost(nation.config().gatewayPort()), writerKey, "warm", 0, 2);
                double direct = rate(TestHttp.localhost(nation.config().gatewayPort()), writerKey, "direct");
                write(cityGateway, city.secrets().adminKey(), "relay-warm", 0, 2);
                awaitSeen("relay-warm", 2 * BATCH);
                long start = System.nanoTime();
                write(cityGateway, city.secrets().adminKey(), "relayed", 0, total / BATCH);
                long last = awaitSeen("relayed", total);
                double alongside = total / ((last - start) / 1e9);
                // The relay's own rate: a backlog written while it was down, drained once it is back;
                // timed from the first zone to reach the nation to the last, so its start is not counted.
                city.parts().get("relay").kill();
                write(cityGateway, city.secrets().adminKey(), "backlog", 0, total / BATCH);
                city.startRelay();
                long lastOfBacklog = awaitSeen("backlog", total);
                long firstOfBacklog = seenAt.entrySet().stream().filter(e -> e.getKey().startsWith("backlog-"))
                        .mapToLong(Map.Entry::getValue).min().orElseThrow();
                double relayed = (total - 1) / ((lastOfBacklog - firstOfBacklog) / 1e9);
                Steady steady = steady(cityGateway, city.secrets().adminKey(), direct / 2);
                SyncIngest.check(twice.isEmpty(), "zones written twice at the nation: " + twice.subList(0,
                        Math.min(5, twice.size())));
                return List.of(new Figure("Relay: records/s reaching the nation (city relay vs direct sync to the nation)",
                        "records/s", direct, relayed, 0.8, true, String.format("%d zones in batches of %d, one sender "
                                + "on both sides; the relay drains a backlog the city wrote while it was down, from the "
                                + "first zone to reach the nation to the last; every zone seen once as bench-city's",
                                total, BATCH)),
                        Figure.info("Relay: records/s reaching the nation while the city ingests them (vs direct sync)",
                                "records/s", direct, alongside, "the same zones written at the city while the relay runs: "
                                        + "the city's own ingest, its feed and the nation share the two cores"),
                        new Figure("Relay: lag p99 at half the direct rate (city answer to the nation's feed)", "s",
                                steady.p50(), steady.p99(), 2.0, Figure.Goal.ABSOLUTE_AT_MOST, String.format(
                                        "%d zones written at %.0f records/s for %d s in batches every 100 ms; baseline "
                                                + "is the p50 lag; max %.2f s", steady.count(), direct / 2, steadySeconds,
                                        steady.max())));
            } finally {
                watching.set(false);
                watcher.join();
            }
        }
    }

    private record Steady(int count, double p50, double p99, double max) {
    }

    private Steady steady(TestHttp city, String key, double perSecond) throws Exception {
        int perBatch = Math.max(1, (int) Math.round(perSecond / 10));
        Map<String, Long> writtenAt = new ConcurrentHashMap<>();
        long begin = System.nanoTime();
        for (int tick = 0; tick < steadySeconds * 10; tick++) {
            long due = begin + tick * 100_000_000L;
            while (System.nanoTime() < due) {
                Thread.sleep(1);
            }
            List<String> ids = sync(city, key, "steady", tick, perBatch);
            long answered = System.nanoTime();
            ids.forEach(id -> writtenAt.put(id, answered));
        }
        awaitSeen("steady", writtenAt.size());
        List<Double> lags = new ArrayList<>();
        writtenAt.forEach((id, at) -> lags.add(Math.max(0, seenAt.get(id) - at) / 1e9));
        lags.sort(Double::compare);
        return new Steady(lags.size(), lags.get(lags.size() / 2), lags.get((int) Math.ceil(lags.size() * 0.99) - 1),
                lags.get(lags.size() - 1));
    }

    private double rate(TestHttp gateway, String key, String prefix) throws Exception {
        long start = System.nanoTime();
        write(gateway, key, prefix, 0, total / BATCH);
        return total / ((System.nanoTime() - start) / 1e9);
    }

    private void write(TestHttp gateway, String key, String prefix, int from, int to) {
        for (int batch = from; batch < to; batch++) {
            sync(gateway, key, prefix, batch, BATCH);
        }
    }

    private static List<String> sync(TestHttp gateway, String key, String prefix, int batch, int size) {
        List<Map<String, Object>> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = prefix + "-" + batch + "-" + i;
            ids.add(id);
            records.add(Map.of("id", id, "data", Map.of("name", "中继基准 " + id, "regionCode", "440100",
                    "memberCities", List.of("440100"), "leadingIndustries", List.of("新材料"))));
        }
        Response answer = gateway.post("/api/zones/sync", TestHttp.json(Map.of("records", records)), "X-Api-Key", key,
                "Idempotency-Key", prefix + "-" + batch);
        SyncIngest.check(answer.status() == 200 && answer.text().contains("\"created\":" + size), "sync batch "
                + prefix + "-" + batch + " answered " + answer.status());
        return ids;
    }

    /** Follows the nation's zone feed, noting when each zone is first seen. */
    private void watch(String cursor, AtomicBoolean watching) {
        TestHttp gateway = TestHttp.localhost(nation.config().gatewayPort());
        String since = cursor;
        while (watching.get()) {
            JsonNode page = gateway.get("/api/zones/changes?limit=500&since=" + since, "X-Api-Key",
                    nation.secrets().adminKey()).json();
            long now = System.nanoTime();
            for (JsonNode change : page.path("items")) {
                String id = change.path("id").asString();
                if (seenAt.putIfAbsent(id, now) != null) {
                    twice.add(id);
                }
            }
            since = page.path("next").asString();
            if (page.path("items").isEmpty()) {
                sleep(50);
            }
        }
    }

    /** Waits until {@code count} zones of {@code prefix} have been seen; returns when the last was. */
    private long awaitSeen(String prefix, int count) {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            List<Long> seen = seenAt.entrySet().stream().filter(e -> e.getKey().startsWith(prefix + "-"))
                    .map(Map.Entry::getValue).toList();
            if (seen.size() == count) {
                return seen.stream().mapToLong(Long::longValue).max().orElseThrow();
            }
            SyncIngest.check(System.nanoTime() < deadline, seen.size() + " of " + count + " " + prefix
                    + " zones reached the nation within 5 minutes");
            sleep(20);
        }
    }

    private String feedEnd() {
        TestHttp gateway = TestHttp.localhost(nation.config().gatewayPort());
        String since = "";
        while (true) {
            JsonNode page = gateway.get("/api/zones/changes?limit=500" + (since.isEmpty() ? "" : "&since=" + since),
                    "X-Api-Key", nation.secrets().adminKey()).json();
            since = page.path("next").asString();
            if (page.path("items").isEmpty()) {
                return since;
            }
        }
    }

    private String key(String name, String... roles) {
        Response created = TestHttp.localhost(nation.config().gatewayPort()).post("/api/clients", TestHttp.json(Map.of(
                "name", name, "regionCode", "440100", "roles", List.of(roles))), "X-Api-Key", nation.secrets().adminKey());
        SyncIngest.check(created.status() == 201, "creating a key answered " + created.status());
        return created.json().path("apiKey").asString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
