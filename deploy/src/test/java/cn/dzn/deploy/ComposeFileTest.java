package cn.dzn.deploy;

import static cn.dzn.deploy.DeploymentFiles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** docker-compose.yml against the modules: build, ports, health, environment, and the MongoDB replica set. */
class ComposeFileTest {

    @ParameterizedTest
    @FieldSource(EACH_MODULE)
    void serviceBuildsTheModuleImage(String module) {
        int port = serverPort(module);
        Map<String, Object> service = composeService(module);
        assertThat(at(service, "build", "context")).as("%s build context", module).isEqualTo(".");
        Object dockerfile = at(service, "build", "dockerfile");
        assertThat(dockerfile == null || "Dockerfile".equals(dockerfile)).as("%s builds ./Dockerfile", module).isTrue();
        assertThat(stringMap(at(service, "build", "args"))).as("%s build args", module)
                .containsEntry("MODULE", module)
                .containsEntry("PORT", String.valueOf(port));
        assertThat(service.get("image")).as("%s image", module).isEqualTo("dzn/" + module + ":" + IMAGE_VERSION);

        // Only the gateway's public port is published; the services are reached through it, and
        // its management port (probes, metrics) only over the compose network, like the services.
        List<Object> ports = list(service.get("ports"));
        if (module.equals("gateway")) {
            assertThat(ports).as("gateway ports").hasSize(1);
            assertThat(containerPortOf(ports.get(0))).as("gateway published container port").isEqualTo(port);
        } else {
            assertThat(ports).as("%s must not be published: only the gateway is", module).isEmpty();
        }
        for (Object exposed : list(service.get("expose"))) {
            assertThat(asInt(exposed)).as("%s expose: its server or management port", module)
                    .isIn(port, managementPort(module));
        }
    }

    @ParameterizedTest
    @FieldSource(EACH_MODULE)
    void serviceWaitsForHealthyDependencies(String module) {
        Map<String, Object> service = composeService(module);
        assertThat(String.join(" ", strings(at(service, "healthcheck", "test")))).as("%s healthcheck", module)
                .contains("http://localhost:" + managementPort(module) + READINESS);
        Map<String, Object> dependsOn = map(service.get("depends_on"));
        Set<String> expectedDependencies = new TreeSet<>(Set.of("mongo"));
        if (module.equals("gateway")) {
            expectedDependencies.addAll(URL_VARIABLES.values());
            expectedDependencies.add(REDIS); // its rate-limit buckets (REDIS_URL)
        }
        assertThat(dependsOn.keySet()).as("%s depends_on", module).containsAll(expectedDependencies);
        dependsOn.forEach((dependency, condition) -> {
            assertThat(at(condition, "condition")).as("%s depends_on %s", module, dependency).isEqualTo("service_healthy");
            assertThat(at(composeServices().get(dependency), "healthcheck", "test"))
                    .as("%s waits for %s to be healthy, so %s needs a healthcheck", module, dependency, dependency)
                    .isNotNull();
        });
    }

    @ParameterizedTest
    @FieldSource(EACH_MODULE)
    void environmentIsWhatTheCodeReads(String module) {
        Map<String, String> env = stringMap(composeService(module).get("environment"));
        assertThat(readVariables(module)).as("%s: variables the code reads (its application.yml, the imported "
                + "dzn-platform.yml, @Value placeholders), compared with what compose sets", module)
                .containsAll(env.keySet());
        assertThat(env.keySet()).as("%s: compose environment", module).containsAll(requiredVariables(module));
        assertThat(env).as("%s", module)
                .containsEntry("SERVER_PORT", String.valueOf(serverPort(module)))
                .containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        if (hasManagementPort(module)) {
            assertThat(env).as("%s: the healthcheck and Prometheus rely on its management port", module)
                    .containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort(module)));
        }
        assertThat(env.get("MONGODB_URI")).as("%s MONGODB_URI", module)
                .startsWith("mongodb://mongo:27017/").contains("replicaSet=rs0");
        for (String name : SECRET_VARIABLES) {
            if (!name.equals("MONGODB_URI") && env.containsKey(name)) {
                assertThat(env.get(name)).as("%s: %s must be required from the caller's environment, no default", module, name)
                        .matches("\\$\\{" + name + ":\\?[^}]+\\}");
            }
        }
        env.forEach((name, value) -> {
            if (URL_VARIABLES.containsKey(name)) {
                String target = URL_VARIABLES.get(name);
                assertThat(value).as("%s: %s", module, name).isEqualTo("http://" + target + ":" + serverPort(target));
            }
        });
    }

    /**
     * incubator-service has incubators' own keys issued on the gateway's management port (issue 17):
     * it names the gateway and that port, which the gateway exposes on the compose network and does
     * not publish; no other module is given the variable.
     */
    @Test
    void incubatorServiceReachesTheGatewaysManagementPortForIncubatorKeys() {
        Map<String, String> env = stringMap(composeService("incubator-service").get("environment"));
        assertThat(env).as("incubator-service %s", GATEWAY_INTERNAL_URL)
                .containsEntry(GATEWAY_INTERNAL_URL, gatewayInternalUrl());
        assertThat(hasManagementPort("gateway")).as("the gateway has a management port of its own").isTrue();
        Map<String, Object> gateway = composeService("gateway");
        assertThat(list(gateway.get("expose")).stream().map(DeploymentFiles::asInt).toList())
                .as("gateway exposes its management port on the compose network").contains(managementPort("gateway"));
        assertThat(list(gateway.get("ports")).stream().map(ComposeFileTest::containerPortOf).toList())
                .as("gateway does not publish its management port").doesNotContain(managementPort("gateway"));
        for (String module : MODULES) {
            if (!module.equals("incubator-service")) {
                assertThat(stringMap(composeService(module).get("environment"))).as("%s environment", module)
                        .doesNotContainKey(GATEWAY_INTERNAL_URL);
            }
        }
    }

    @Test
    void mongoRunsAsAReplicaSetBesideTheMonitoringStack() {
        Map<String, Object> services = composeServices();
        assertThat(services.keySet()).as("compose services")
                .containsAll(MODULES).contains("mongo", "prometheus", "grafana");

        Map<String, Object> mongo = map(services.get("mongo"));
        assertThat(mongo.get("image")).isEqualTo("mongo:7");
        assertThat(String.join(" ", strings(mongo.get("command")))).as("mongo command").contains("--replSet rs0");
        assertThat(String.valueOf(at(mongo, "healthcheck", "test")))
                .as("mongo healthcheck initiates the replica set if needed")
                .contains("rs.initiate").contains("rs0").contains("mongo:27017");
        assertThat(list(mongo.get("ports"))).as("mongo is not published").isEmpty();
        Map<String, Object> volumes = map(compose().get("volumes"));
        List<String> mongoVolumes = strings(mongo.get("volumes"));
        assertThat(mongoVolumes).anySatisfy(v -> assertThat(v).endsWith(":/data/db"));
        for (String volume : mongoVolumes) {
            String source = volume.substring(0, volume.indexOf(':'));
            assertThat(volumes).as("mongo volume %s is a named volume", source).containsKey(source);
        }
    }

    /** The gateway's shared rate-limit buckets: Redis on the compose network only, nothing persisted, locked down. */
    @Test
    void redisHoldsTheGatewaysRateLimitsAndIsNotPublished() {
        Map<String, Object> redis = composeService(REDIS);
        assertThat(String.valueOf(redis.get("image"))).as("redis image (official, major version 7)")
                .matches("redis:7(\\.\\d+)*(-alpine)?");
        List<String> command = strings(redis.get("command"));
        assertThat(command).as("redis command (exec form): counters only, nothing saved").startsWith("redis-server")
                .containsSequence("--save", "").containsSequence("--appendonly", "no");
        assertThat(list(redis.get("ports"))).as("redis must not be published: only the gateway talks to it").isEmpty();
        for (Object exposed : list(redis.get("expose"))) {
            assertThat(asInt(exposed)).as("redis expose").isEqualTo(REDIS_PORT);
        }
        assertThat(String.join(" ", strings(at(redis, "healthcheck", "test")))).as("redis healthcheck")
                .contains("redis-cli").contains("ping");

        // Locked down like the services: not root, read-only root with a tmpfs /data, no privileges.
        assertThat(String.valueOf(redis.get("user"))).as("redis user (the image's uid 999, not root)").matches("999(:\\d+)?");
        assertThat(redis.get("read_only")).as("redis read_only").isEqualTo(true);
        assertThat(strings(redis.get("tmpfs"))).as("redis /data is a tmpfs (the root is read-only)")
                .anySatisfy(t -> assertThat(t).matches("/data(:.*)?"));
        assertThat(strings(redis.get("security_opt"))).as("redis security_opt").contains("no-new-privileges:true");
        assertThat(strings(redis.get("cap_drop"))).as("redis cap_drop").contains("ALL");

        Map<String, Object> gateway = composeService("gateway");
        Map<String, String> env = stringMap(gateway.get("environment"));
        assertThat(env).as("gateway REDIS_URL names the redis service and port").containsEntry("REDIS_URL", REDIS_URL);
        assertThat(at(gateway, "depends_on", REDIS, "condition")).as("gateway waits for redis to be healthy")
                .isEqualTo("service_healthy");
        // Nothing in front of the published gateway overwrites X-Forwarded-For, so the gateway must
        // not trust it: a client could otherwise choose the address its per-address limit counts.
        assertThat(env.getOrDefault("DZN_FORWARD_HEADERS", "none")).as("gateway DZN_FORWARD_HEADERS in compose")
                .isEqualTo("none");
    }

    static Map<String, Object> composeService(String module) {
        Object service = composeServices().get(module);
        if (service == null) {
            fail("docker-compose.yml has no service %s", module);
        }
        return map(service);
    }

    /** The container side of a short ("8080:8080", "127.0.0.1:8080:8080/tcp") or long ({target: 8080}) port. */
    static int containerPortOf(Object portSpec) {
        if (portSpec instanceof Map<?, ?> mapping) {
            return asInt(mapping.get("target"));
        }
        String spec = String.valueOf(portSpec).replaceAll("/(tcp|udp)$", "");
        return Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1));
    }
}
