package cn.dzn.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.dzn.store.EmbeddedStore;

/**
 * The whole suite on one machine: the embedded store (unless MONGODB_URI points elsewhere), the
 * four services and the gateway, each its own process, started in that order and stopped
 * together, the store last. Only the gateway listens beyond this machine: the services and the
 * store bind the loopback interface, so the gateway's authentication cannot be walked around
 * from outside.
 */
public final class Suite implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    /** Graceful shutdown, then the class archive written at exit (ClassArchive): five at once on two cores. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** DZN_CLASS_ARCHIVE=off starts every part from its jar as built, without a class archive. */
    private static final boolean CLASS_ARCHIVES = !"off".equalsIgnoreCase(System.getenv("DZN_CLASS_ARCHIVE"));
    static final String LOOPBACK = "127.0.0.1";

    private final SuiteConfig config;
    private final SuiteSecrets secrets;
    private final Map<String, ChildProcess> parts = new LinkedHashMap<>();
    private final Map<String, Duration> startTimes = new LinkedHashMap<>();
    /**
     * What no part inherits from the launcher's environment: the generated secrets (each part is
     * given what it needs) and the tier above's relay key, which only the relay is given.
     */
    private static final List<String> WITHHELD = java.util.stream.Stream.concat(SuiteSecrets.ALL.stream(),
            java.util.stream.Stream.of("DZN_RELAY_UPSTREAM_KEY")).toList();

    private ChildProcess store;
    private RelaySettings relay;

    /** Loads the secrets in the data directory, generating them on the first start there. */
    public Suite(SuiteConfig config) {
        this.config = config;
        this.secrets = SuiteSecrets.load(config.dataDir());
    }

    public SuiteConfig config() {
        return config;
    }

    public SuiteSecrets secrets() {
        return secrets;
    }

    public Map<String, Duration> startTimes() {
        return startTimes;
    }

    public Map<String, ChildProcess> parts() {
        return parts;
    }

    public ChildProcess store() {
        return store;
    }

    /**
     * Starts everything and returns once every part reports ready. A part that does not start
     * stops the others before the failure is thrown: nobody else holds them then, and five
     * orphaned JVMs starve the machine for whatever runs next.
     */
    public Suite start() {
        requireJars();
        try {
            if (config.externalMongoUri() == null) {
                startStore();
            }
            // A deployment may run only some services (a tier of the federation test runs zone-service alone).
            for (String service : config.servicePorts().keySet()) {
                parts.put(service, startJar(service, config.servicePorts().get(service), serviceEnv(),
                        SuiteSecrets.GATEWAY_ONLY));
            }
            parts.put("gateway", startJar("gateway", config.gatewayPort(), gatewayEnv(), List.of()));
            parts.forEach((name, part) -> startTimes.put(name, part.awaitHttpOk(
                    "http://" + LOOPBACK + ":" + managementPort(name) + "/actuator/health/readiness", START_TIMEOUT)));
            if (relay != null) {
                startRelay();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /**
     * Relays this deployment's records to the tier above once it has started (docs/federation.md):
     * {@code upstream} is that tier's gateway, {@code key} a relay key it issued for this
     * deployment's region, {@code port} where the relay serves its metrics. The relay reads here
     * with the deployment's admin key.
     */
    public Suite relayingTo(RelaySettings settings) {
        this.relay = settings;
        return this;
    }

    /**
     * Where a deployment relays to, and as whom ({@link #relayingTo}); {@code options} are more of
     * the relay's settings as environment variables (DZN_RELAY_RESOURCES, DZN_RELAY_REFERENCE_EVERY …).
     */
    public record RelaySettings(String deployment, String upstreamUrl, String upstreamKey, int port,
            Map<String, String> options) {
    }

    /** Starts the relay (again, after a crash); returns once it is ready. */
    public void startRelay() {
        Map<String, String> env = new HashMap<>(relay.options());
        env.put("DZN_DEPLOYMENT_ID", relay.deployment());
        env.put("DZN_RELAY_UPSTREAM_URL", relay.upstreamUrl());
        env.put("DZN_RELAY_UPSTREAM_KEY", relay.upstreamKey());
        env.put("DZN_RELAY_LOCAL_URL", "http://" + LOOPBACK + ":" + config.gatewayPort());
        env.put("DZN_RELAY_LOCAL_KEY", secrets.adminKey());
        env.put("DZN_RELAY_STATE_DIR", config.dataDir().resolve("relay").toString());
        env.put("SERVER_ADDRESS", LOOPBACK);
        ChildProcess started = startJar("relay", relay.port(), env, WITHHELD);
        parts.put("relay", started);
        startTimes.put("relay", started.awaitHttpOk("http://" + LOOPBACK + ":" + relay.port()
                + "/actuator/health/readiness", START_TIMEOUT));
    }

    /** Kills one part as a crash would and starts it again; returns once it is ready. */
    public void crashAndRestart(String part) {
        parts.get(part).kill();
        startAgain(part);
    }

    /**
     * Stops one part as an operator would (SIGTERM, so it leaves its class archive) and starts it
     * again; returns once it is ready.
     */
    public void restart(String part) {
        parts.get(part).stop(STOP_GRACE);
        startAgain(part);
    }

    private void startAgain(String part) {
        if (part.equals("relay")) {
            startRelay();
            return;
        }
        boolean gateway = part.equals("gateway");
        ChildProcess again = startJar(part, port(part), gateway ? gatewayEnv() : serviceEnv(),
                gateway ? List.of() : SuiteSecrets.GATEWAY_ONLY);
        parts.put(part, again);
        startTimes.put(part, again.awaitHttpOk("http://" + LOOPBACK + ":" + managementPort(part)
                + "/actuator/health/readiness", START_TIMEOUT));
    }

    public void startStore() {
        Path file = config.dataDir().resolve("store.mv");
        store = ChildProcess.start("store", storeCommand(file), Map.of(), WITHHELD, logDir());
        startTimes.put("store", store.awaitPort(config.storePort(), Duration.ofSeconds(60)));
    }

    /**
     * Starts another module's jar as the suite starts its parts (same JVM options, logs beside
     * theirs) without making it one of them; the caller stops it. The benchmark's baselines.
     */
    public ChildProcess startBeside(String module, int port, Map<String, String> env) {
        return startJar(module, port, env, WITHHELD);
    }

    public int port(String part) {
        if (part.equals("relay")) {
            return relay.port();
        }
        return part.equals("gateway") ? config.gatewayPort() : config.servicePorts().get(part);
    }

    /** Where a part's probes and metrics are: the gateway's own management port, a service's port. */
    public int managementPort(String part) {
        return part.equals("gateway") ? config.gatewayManagementPort() : port(part);
    }

    @Override
    public void close() {
        // All at once, each waited for on its own thread: each writes its class archive as it
        // exits, a few seconds of CPU that overlap, and one that hangs holds up none of the others.
        List<Thread> stopping = parts.values().stream().map(part -> new Thread(() -> part.stop(STOP_GRACE),
                "stop-" + part.name())).toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        parts.clear();
        if (store != null) {
            store.stop(Duration.ofSeconds(20));
            store = null;
        }
    }

    /** {@code withheld}: variables of the launcher's own environment the part must not inherit. */
    private ChildProcess startJar(String module, int port, Map<String, String> env, List<String> withheld) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(config.jvmOptions());
        ClassArchive classes = CLASS_ARCHIVES ? ClassArchive.prepare(java(), config.jar(module))
                : ClassArchive.none(config.jar(module));
        command.addAll(classes.options());
        Map<String, String> all = new HashMap<>(env);
        all.put("SERVER_PORT", String.valueOf(port));
        // Two malloc arenas instead of glibc's eight per core: under load zone-service held 355 MB
        // resident with 276 MB committed by the JVM, the rest freed memory kept in per-thread
        // arenas (docs/performance.md). The Dockerfile sets the same.
        if (System.getenv("MALLOC_ARENA_MAX") == null) {
            all.put("MALLOC_ARENA_MAX", "2");
        }
        return ChildProcess.start(module, command, all, withheld, logDir()).onEnd(classes::exited);
    }

    Map<String, String> serviceEnv() {
        Map<String, String> env = new HashMap<>(secrets.forServices());
        // Spring's server.address: reachable from the gateway on this machine, from nowhere else.
        env.put("SERVER_ADDRESS", LOOPBACK);
        env.put("MONGODB_URI", config.mongoUri());
        env.put("DZN_SAMPLE_DATA", String.valueOf(config.sampleData()));
        env.put("FUND_SERVICE_URL", config.serviceUrl("fund-service"));
        env.put("TALENT_SERVICE_URL", config.serviceUrl("talent-service"));
        env.put("INCUBATOR_SERVICE_URL", config.serviceUrl("incubator-service"));
        // Where incubator-service has incubators' own keys issued: the gateway's management port (issue 17).
        env.put("DZN_GATEWAY_INTERNAL_URL", config.gatewayInternalUrl());
        return env;
    }

    Map<String, String> gatewayEnv() {
        Map<String, String> env = new HashMap<>(secrets.forGateway());
        env.put("MONGODB_URI", config.mongoUri());
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(config.gatewayManagementPort()));
        env.put("ZONE_SERVICE_URL", config.serviceUrl("zone-service"));
        env.put("FUND_SERVICE_URL", config.serviceUrl("fund-service"));
        env.put("TALENT_SERVICE_URL", config.serviceUrl("talent-service"));
        env.put("INCUBATOR_SERVICE_URL", config.serviceUrl("incubator-service"));
        return env;
    }

    /**
     * The store runs from this very program (embedded-store is packed into the launcher jar): from
     * the launcher jar via Boot's PropertiesLauncher ({@code loader.main}), or from the class path
     * when this code runs in a test.
     */
    private List<String> storeCommand(Path file) {
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-Xmx512m"));
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-Dloader.main=" + EmbeddedStore.class.getName(), "-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, EmbeddedStore.class.getName()));
        }
        command.addAll(List.of(String.valueOf(config.storePort()), file.toString()));
        return command;
    }

    private void requireJars() {
        List<String> missing = new ArrayList<>();
        List<String> modules = new ArrayList<>(config.servicePorts().keySet());
        modules.add("gateway");
        if (relay != null) {
            modules.add("relay");
        }
        for (String module : parts.isEmpty() ? modules : List.<String>of()) {
            if (!Files.exists(config.jar(module))) {
                missing.add(config.jar(module).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + missing + " (run the README's start command, "
                    + "which builds them)");
        }
    }

    private Path logDir() {
        return config.dataDir().resolve("logs");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
