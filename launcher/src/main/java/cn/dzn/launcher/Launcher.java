package cn.dzn.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The README's start command ends here: starts the whole suite on the embedded default, prints
 * where to look, and stops everything on Ctrl-C.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Instant begin = Instant.now();
        Suite suite;
        try {
            SuiteConfig config = SuiteConfig.defaults(SuiteConfig.findHome(Path.of("")), System.getenv());
            java.util.Optional<Suite.RelaySettings> relay = relaySettings(System.getenv(), config);
            // A deployment with a tier above holds its region's own records; the sample zones are the
            // nation's, and relayed up they would collide with the nation's own copies.
            suite = new Suite(relay.isPresent() ? config.withoutSampleData() : config);
            relay.ifPresent(suite::relayingTo);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("stopping the suite …");
                suite.close();
            }, "suite-shutdown"));
            System.out.println("starting the Demonstration-Zone Network (logs in " + suite.config().dataDir().resolve("logs")
                    + ") …");
            suite.start();
        } catch (IllegalStateException e) {
            System.err.println("could not start the suite: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(banner(suite, Duration.between(begin, Instant.now())));
        Thread.currentThread().join();
    }

    /**
     * A deployment with a tier above relays to it (docs/federation.md) when it is told where and
     * as whom: DZN_RELAY_UPSTREAM_URL, DZN_RELAY_UPSTREAM_KEY and DZN_DEPLOYMENT_ID (its name);
     * DZN_RELAY_PORT for its metrics (8095, moved by DZN_PORT_OFFSET like every other port).
     */
    static java.util.Optional<Suite.RelaySettings> relaySettings(Map<String, String> environment, SuiteConfig config) {
        String upstream = environment.get("DZN_RELAY_UPSTREAM_URL");
        if (upstream == null || upstream.isBlank()) {
            return java.util.Optional.empty();
        }
        String key = environment.get("DZN_RELAY_UPSTREAM_KEY");
        String deployment = environment.get("DZN_DEPLOYMENT_ID");
        if (key == null || key.isBlank() || deployment == null || deployment.isBlank()) {
            throw new IllegalStateException("DZN_RELAY_UPSTREAM_URL is set: DZN_RELAY_UPSTREAM_KEY (a relay key the "
                    + "tier above issued) and DZN_DEPLOYMENT_ID (this deployment's name) are needed too");
        }
        String port = environment.get("DZN_RELAY_PORT");
        int relayPort = port == null || port.isBlank() ? 8095 + config.gatewayPort() - 8080 : Integer.parseInt(port);
        return java.util.Optional.of(new Suite.RelaySettings(deployment, upstream, key, relayPort, Map.of()));
    }

    static String banner(Suite suite, Duration took) {
        SuiteConfig config = suite.config();
        String gateway = "http://localhost:" + config.gatewayPort();
        StringBuilder out = new StringBuilder();
        out.append("\n==================================================================\n");
        out.append(" Demonstration-Zone Network is up (").append(took.toMillis() / 100 / 10.0).append(" s)\n");
        out.append("   Gateway      ").append(gateway).append('\n');
        out.append("   Dashboard    ").append(gateway).append("/dashboard/  (staff page: sign in with a key)\n");
        out.append("   Swagger UI   ").append(gateway).append("/swagger-ui.html\n");
        String management = "http://localhost:" + config.gatewayManagementPort();
        out.append("   Metrics      ").append(management)
                .append("/actuator/prometheus (gateway's management port; each service: its port + same path)\n");
        out.append("   Health       ").append(management).append("/actuator/health\n");
        out.append("   Store        ").append(config.externalMongoUri() != null ? "MONGODB_URI (external)"
                : config.mongoUri() + " (file " + config.dataDir().resolve("store.mv") + ")").append('\n');
        out.append(adminKey(suite.secrets(), gateway)).append('\n');
        out.append(String.format("   %-18s %6s %9s %8s%n", "part", "pid", "ready in", "RSS"));
        if (suite.store() != null) {
            out.append(row("store", suite.store(), suite.startTimes().get("store")));
        }
        for (Map.Entry<String, ChildProcess> part : suite.parts().entrySet()) {
            out.append(row(part.getKey(), part.getValue(), suite.startTimes().get(part.getKey())));
        }
        out.append(" Press Ctrl-C to stop everything.\n");
        out.append("==================================================================");
        return out.toString();
    }

    /**
     * The admin key is shown in full only on the start that generated it, so that it does not
     * end up in every later terminal or log; afterwards the banner says where to read it.
     */
    static String adminKey(SuiteSecrets secrets, String gateway) {
        StringBuilder out = new StringBuilder();
        if (!secrets.adminKeyGenerated()) {
            out.append("   Admin key    from DZN_ADMIN_KEY\n");
            return out.append("   Try: curl -H \"X-Api-Key: $DZN_ADMIN_KEY\" ").append(gateway).append("/api/zones\n").toString();
        }
        String read = "$(sed -n 's/^DZN_ADMIN_KEY=//p' " + secrets.file() + ")";
        if (secrets.generated()) {
            out.append("   Admin key    ").append(secrets.adminKey()).append('\n');
            out.append("                generated now, a national administrator; kept in ").append(secrets.file())
                    .append(" (owner only) with the other generated secrets\n");
            out.append("   Try: curl -H 'X-Api-Key: ").append(secrets.adminKey()).append("' ");
        } else {
            out.append("   Admin key    generated at the first start, kept in ").append(secrets.file())
                    .append(" (owner only)\n");
            out.append("   Try: curl -H \"X-Api-Key: ").append(read).append("\" ");
        }
        return out.append(gateway).append("/api/zones\n").toString();
    }

    private static String row(String name, ChildProcess part, Duration ready) {
        return String.format("   %-18s %6d %8.1fs %6d MB%n", name, part.pid(), ready.toMillis() / 1000.0,
                part.rssMegabytes());
    }
}
