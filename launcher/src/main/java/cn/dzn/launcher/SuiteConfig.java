package cn.dzn.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the suite's parts live and listen. {@code home} is the repository root, where each
 * module's jar is found at {@code <module>/target/<module>.jar}.
 */
public record SuiteConfig(Path home, Path dataDir, int gatewayPort, int gatewayManagementPort,
        Map<String, Integer> servicePorts, int storePort, String externalMongoUri, boolean sampleData,
        List<String> jvmOptions) {

    public static final List<String> SERVICES = List.of("zone-service", "fund-service", "talent-service",
            "incubator-service");

    /**
     * The embedded default: fixed ports (the gateway's probes and metrics on 8090, its own
     * management port), ./data, sample data, MONGODB_URI if it is set. DZN_PORT_OFFSET moves every
     * port by the same amount and DZN_DATA_DIR moves the data, so that a second and a third
     * deployment (a province and a city relaying to the nation) run on the same machine
     * (docs/federation.md, "Three tiers on one machine").
     */
    public static SuiteConfig defaults(Path home, Map<String, String> environment) {
        int offset = portOffset(environment.get("DZN_PORT_OFFSET"));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            ports.put(SERVICES.get(i), 8081 + i + offset);
        }
        String mongo = environment.get("MONGODB_URI");
        String data = environment.get("DZN_DATA_DIR");
        return new SuiteConfig(home, data == null || data.isBlank() ? home.resolve("data") : home.resolve(data),
                8080 + offset, 8090 + offset, ports, 27017 + offset, mongo == null || mongo.isBlank() ? null : mongo,
                true, defaultJvmOptions());
    }

    /** The largest offset that keeps every port a port: the store's 27017 is the highest base. */
    static final int MAX_PORT_OFFSET = 65_535 - 27_017;

    /** DZN_PORT_OFFSET: a whole number from 0 to {@link #MAX_PORT_OFFSET}. */
    static int portOffset(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(value.trim());
            if (offset >= 0 && offset <= MAX_PORT_OFFSET) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value as given.
        }
        throw new IllegalStateException("DZN_PORT_OFFSET must be a whole number from 0 to " + MAX_PORT_OFFSET
                + " (a multiple of 100 keeps clear of the other deployments' ports), not '" + value + "'");
    }

    /** The same deployment without the sample data: a tier below loads none (its ids would be the nation's). */
    public SuiteConfig withoutSampleData() {
        return new SuiteConfig(home, dataDir, gatewayPort, gatewayManagementPort, servicePorts, storePort,
                externalMongoUri, false, jvmOptions);
    }

    /**
     * Serial GC and a bounded heap keep each service's footprint small on a two-core machine;
     * five JVMs share it. 256 MB of heap: with 384 MB zone-service grew to 376 MB of RSS under
     * the benchmark's load, past the 350 MB budget. Freed native memory goes back to the system
     * every 10 s: glibc kept ~80 MB of it in zone-service after the load (docs/performance.md).
     */
    public static List<String> defaultJvmOptions() {
        return List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx256m", "-XX:TrimNativeHeapInterval=10000",
                "-XX:+ExitOnOutOfMemoryError");
    }

    /**
     * The gateway's management port, where incubator-service has incubators' own keys issued
     * (DZN_GATEWAY_INTERNAL_URL): the loopback address, as the gateway reaches the services.
     */
    public String gatewayInternalUrl() {
        return gatewayInternalUrl(gatewayManagementPort);
    }

    private static String gatewayInternalUrl(int managementPort) {
        return "http://" + Suite.LOOPBACK + ":" + managementPort;
    }

    public String mongoUri() {
        return externalMongoUri != null ? externalMongoUri : "mongodb://127.0.0.1:" + storePort;
    }

    /** The loopback address the services bind, not "localhost", which a resolver may turn into ::1. */
    public String serviceUrl(String service) {
        // A service this deployment does not run is reached nowhere: port 1 refuses at once, so its
        // callers answer "unavailable" as they would for a service that is down.
        return "http://" + Suite.LOOPBACK + ":" + servicePorts.getOrDefault(service, 1);
    }

    public Path jar(String module) {
        return home.resolve(module).resolve("target").resolve(module + ".jar");
    }

    /** Walks up from {@code start} to the directory whose pom.xml lists the launcher module. */
    public static Path findHome(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.exists(pom) && Files.readString(pom).contains("<module>launcher</module>")) {
                    return dir;
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read " + pom, e);
            }
        }
        throw new IllegalStateException("run this from inside the repository (no pom.xml listing the launcher)");
    }
}
