package cn.dzn.k8s;

import static cn.dzn.deploy.DeploymentFiles.*;
import static cn.dzn.k8s.Manifests.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each module's objects in k8s/base (Deployment, Service, HorizontalPodAutoscaler,
 * PodDisruptionBudget) and the ConfigMap and Secret keys they read, against the module's port,
 * probes and environment variables; and the Redis that holds the gateway's rate-limit counters.
 */
class KubernetesWorkloadsTest {

    static final long UID = 10001; // the Dockerfile's USER
    static final long REDIS_UID = 999; // the official redis image's redis user
    static final String CONFIG_MAP = "dzn-config";
    /** Container port names, for Services' targetPorts and PodMonitors (k8s/README.md). */
    static final String HTTP_PORT = "http";
    static final String MANAGEMENT_PORT = "management";
    static final Path SECRETS_EXAMPLE = ROOT.resolve("k8s/secrets.env.example");

    /** Probes and scrape annotation on the management port, which is the server port unless the module has its own. */
    @ParameterizedTest
    @FieldSource(EACH_MODULE)
    void deploymentRunsTheModuleImageOnItsPorts(String module) {
        int management = managementPort(module);
        Map<String, Object> deployment = base("Deployment", module);
        List<Object> containers = list(at(deployment, "spec", "template", "spec", "containers"));
        assertThat(containers).as("%s containers", module).hasSize(1);
        Map<String, Object> container = map(containers.get(0));

        assertThat(container.get("image")).as("%s image", module).isEqualTo("dzn/" + module + ":" + IMAGE_VERSION);
        Map<String, Integer> expectedPorts = new LinkedHashMap<>(Map.of(HTTP_PORT, serverPort(module)));
        if (hasManagementPort(module)) {
            expectedPorts.put(MANAGEMENT_PORT, management);
        }
        List<Object> containerPorts = list(container.get("ports"));
        assertThat(containerPorts).as("%s container ports", module).hasSize(expectedPorts.size());
        assertThat(containerPorts.stream().collect(Collectors.toMap(p -> String.valueOf(at(p, "name")),
                p -> asInt(at(p, "containerPort")))))
                .as("%s container ports by name", module).containsExactlyInAnyOrderEntriesOf(expectedPorts);

        assertThat(probe(container, "livenessProbe")).as("%s livenessProbe", module).isEqualTo(LIVENESS + " on " + management);
        assertThat(probe(container, "readinessProbe")).as("%s readinessProbe", module).isEqualTo(READINESS + " on " + management);
        assertThat(probe(container, "startupProbe")).as("%s startupProbe", module).endsWith(" on " + management);

        assertThat(stringMap(at(deployment, "spec", "template", "metadata", "annotations"))).as("%s pod annotations", module)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", String.valueOf(management))
                .containsEntry("prometheus.io/path", PROMETHEUS);

        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertThat(at(container, "resources", kind, resource)).as("%s resources.%s.%s", module, kind, resource).isNotNull();
            }
        }

        Map<String, String> podLabels = podLabels(deployment);
        assertThat(podLabels).as("%s pod labels", module).containsEntry("app.kubernetes.io/name", module);
        assertThat(podLabels).as("%s: Deployment selector matches its pods", module)
                .containsAllEntriesOf(stringMap(at(deployment, "spec", "selector", "matchLabels")));
    }

    @ParameterizedTest
    @FieldSource(EACH_MODULE)
    void deploymentRunsNonRootWithAReadOnlyRootAndAWritableTmp(String module) {
        Map<String, Object> deployment = base("Deployment", module);
        Map<String, Object> podSpec = map(at(deployment, "spec", "template", "spec"));
        Map<String, Object> container = container(deployment);
        Map<String, Object> podSecurity = map(podSpec.get("securityContext"));
        Map<String, Object> security = map(container.get("securityContext"));
        assertThat(containerOrPod(security, podSecurity, "runAsNonRoot")).as("%s runAsNonRoot", module).isEqualTo(true);
        assertThat(Long.parseLong(String.valueOf(containerOrPod(security, podSecurity, "runAsUser"))))
                .as("%s runAsUser", module).isEqualTo(UID);
        assertThat(security.get("allowPrivilegeEscalation")).as("%s allowPrivilegeEscalation", module).isEqualTo(false);
        assertThat(security.get("readOnlyRootFilesystem")).as("%s readOnlyRootFilesystem", module).isEqualTo(true);
        assertThat(list(at(security, "capabilities", "drop"))).as("%s capabilities.drop", module).contains("ALL");
        assertThat(containerOrPod(security, podSecurity, "seccompProfile", "type"))
                .as("%s seccompProfile", module).isEqualTo("RuntimeDefault");
        String tmpVolume = list(container.get("volumeMounts")).stream()
                .filter(m -> "/tmp".equals(at(m, "mountPath"))).map(m -> String.valueOf(at(m, "name")))
                .findFirst().orElse(null);
        assertThat(tmpVolume).as("%s mounts a volume at /tmp (the root file system is read-only)", module).isNotNull();
        assertThat(list(podSpec.get("volumes"))).as("%s /tmp volume is an emptyDir", module)
                .anySatisfy(v -> {
                    assertThat(at(v, "name")).isEqualTo(tmpVolume);
                    assertThat(map(v).containsKey("emptyDir")).isTrue();
                });
    }

    @ParameterizedTest
    @FieldSource(EACH_MODULE)
    void deploymentEnvironmentIsWhatTheCodeReads(String module) {
        Map<String, Object> container = container(base("Deployment", module));
        Map<String, String> configMap = stringMap(base("ConfigMap", CONFIG_MAP).get("data"));
        Set<String> secretKeys = envFileKeys(SECRETS_EXAMPLE);

        Map<String, String> env = new LinkedHashMap<>(); // name -> literal value, or "configmap:KEY" / "secret:KEY"
        for (Object from : list(container.get("envFrom"))) {
            if (at(from, "configMapRef") != null) {
                assertThat(at(from, "configMapRef", "name")).isEqualTo(CONFIG_MAP);
                configMap.keySet().forEach(k -> env.put(k, "configmap:" + k));
            } else {
                assertThat(at(from, "secretRef", "name")).isEqualTo(SECRET);
                secretKeys.forEach(k -> env.put(k, "secret:" + k));
            }
        }
        for (Object variable : list(container.get("env"))) {
            String name = String.valueOf(at(variable, "name"));
            assertThat(env).as("%s: %s set twice", module, name).doesNotContainKey(name);
            Object configMapKey = at(variable, "valueFrom", "configMapKeyRef");
            Object secretKey = at(variable, "valueFrom", "secretKeyRef");
            if (configMapKey != null) {
                assertThat(at(configMapKey, "name")).as("%s %s", module, name).isEqualTo(CONFIG_MAP);
                String key = String.valueOf(at(configMapKey, "key"));
                assertThat(configMap).as("%s: %s reads key %s of ConfigMap %s", module, name, key, CONFIG_MAP).containsKey(key);
                env.put(name, "configmap:" + key);
            } else if (secretKey != null) {
                assertThat(at(secretKey, "name")).as("%s %s", module, name).isEqualTo(SECRET);
                String key = String.valueOf(at(secretKey, "key"));
                assertThat(secretKeys).as("%s: %s reads key %s of Secret %s (k8s/secrets.env.example)", module, name, key, SECRET)
                        .contains(key);
                env.put(name, "secret:" + key);
            } else {
                env.put(name, String.valueOf(at(variable, "value")));
            }
        }

        assertThat(readVariables(module)).as("%s: variables the code reads (its application.yml, the imported "
                + "dzn-platform.yml, @Value placeholders), compared with what the Deployment sets", module)
                .containsAll(env.keySet());
        assertThat(env.keySet()).as("%s: Deployment env", module).containsAll(requiredVariables(module));
        for (String name : SECRET_VARIABLES) {
            if (env.containsKey(name)) {
                assertThat(env.get(name)).as("%s: %s comes from the Secret", module, name).startsWith("secret:");
            }
        }
        if (env.containsKey("SERVER_PORT")) {
            assertThat(env.get("SERVER_PORT")).as("%s SERVER_PORT", module).isEqualTo(String.valueOf(serverPort(module)));
        }
        if (hasManagementPort(module)) {
            assertThat(env).as("%s: its probes and scrape annotation name the management port", module)
                    .containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort(module)));
        }
        String profiles = env.get("SPRING_PROFILES_ACTIVE");
        assertThat(profiles.startsWith("configmap:") ? configMap.get(profiles.substring("configmap:".length())) : profiles)
                .as("%s SPRING_PROFILES_ACTIVE", module).isEqualTo("prod");
    }

    /**
     * The Service carries the server port, and no management port but the gateway's: the kubelet
     * probes pods and Prometheus scrapes pods, so only the Ingress and the other modules use the
     * Service. The gateway's also carries its management port for incubator-service, which has
     * incubators' own keys issued there (DZN_GATEWAY_INTERNAL_URL, issue 17); the Ingress names the
     * server port only, and the NetworkPolicies keep everyone else off the management port.
     */
    @ParameterizedTest
    @FieldSource(EACH_MODULE)
    void serviceAutoscalerAndDisruptionBudgetMatchTheDeployment(String module) {
        int port = serverPort(module);
        Map<String, Object> deployment = base("Deployment", module);
        Map<String, String> podLabels = podLabels(deployment);

        Map<String, Object> service = base("Service", module);
        Map<String, String> selector = stringMap(at(service, "spec", "selector"));
        assertThat(selector).as("%s Service selector", module).isNotEmpty();
        assertThat(podLabels).as("%s: Service selector matches the Deployment's pods", module).containsAllEntriesOf(selector);
        Map<Integer, Integer> expected = new LinkedHashMap<>(Map.of(port, port));
        if (module.equals("gateway")) {
            expected.put(managementPort(module), managementPort(module));
        }
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        for (Object servicePort : list(at(service, "spec", "ports"))) {
            Object targetPort = at(servicePort, "targetPort");
            ports.put(asInt(at(servicePort, "port")), targetPort instanceof Number n ? n.intValue()
                    : namedPort(container(deployment), String.valueOf(targetPort)));
        }
        // The *_SERVICE_URL values carry the port the Service listens on; each reaches the same container port.
        assertThat(ports).as("%s Service ports → container ports", module).isEqualTo(expected);

        Map<String, Object> hpa = base("HorizontalPodAutoscaler", module);
        assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(at(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
        assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(module);
        int min = asInt(at(hpa, "spec", "minReplicas"));
        assertThat(min).as("%s HPA minReplicas", module).isPositive();
        assertThat(asInt(at(hpa, "spec", "maxReplicas"))).as("%s HPA maxReplicas", module).isGreaterThanOrEqualTo(min);
        assertThat(at(deployment, "spec", "replicas")).as("%s: the HPA owns the replica count", module).isNull();

        Map<String, Object> pdb = base("PodDisruptionBudget", module);
        assertThat(pdb.get("apiVersion")).isEqualTo("policy/v1");
        Map<String, String> pdbSelector = stringMap(at(pdb, "spec", "selector", "matchLabels"));
        assertThat(podLabels).as("%s: PodDisruptionBudget selector matches the pods", module).containsAllEntriesOf(pdbSelector);
        assertThat(pdbSelector).isNotEmpty();
    }

    @Test
    void configMapPointsAtTheServicesAndTheSecretStaysOutOfGit() {
        Map<String, String> data = stringMap(base("ConfigMap", CONFIG_MAP).get("data"));
        assertThat(data).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        URL_VARIABLES.forEach((name, module) -> assertThat(data)
                .as("ConfigMap %s", CONFIG_MAP)
                .containsEntry(name, "http://" + module + ":" + serverPort(module)));
        assertThat(data.keySet()).as("no secret in the ConfigMap").doesNotContainAnyElementsOf(SECRET_VARIABLES);
        // incubator-service has incubators' own keys issued on the gateway's management port (issue 17).
        assertThat(data).as("ConfigMap %s: the gateway's Service and management port", CONFIG_MAP)
                .containsEntry(GATEWAY_INTERNAL_URL, gatewayInternalUrl());
        assertThat(list(at(base("Service", "gateway"), "spec", "ports")).stream().map(p -> asInt(at(p, "port"))))
                .as("the gateway Service listens on the port %s names", GATEWAY_INTERNAL_URL)
                .contains(managementPort("gateway"));
        for (String module : MODULES) {
            assertThat(envVariable(container(base("Deployment", module)), GATEWAY_INTERNAL_URL) != null)
                    .as("%s gets %s", module, GATEWAY_INTERNAL_URL).isEqualTo(module.equals("incubator-service"));
        }

        assertThat(envFileKeys(SECRETS_EXAMPLE)).as("k8s/secrets.env.example keys")
                .containsExactlyInAnyOrderElementsOf(SECRET_VARIABLES);
        assertThat(read(ROOT.resolve("k8s/.gitignore")).lines().map(String::strip))
                .as("k8s/.gitignore keeps the real secrets.env out of git").contains("secrets.env");
        assertThat(k8sDocuments().stream().map(Doc::kind)).as("no Secret is committed: the overlays generate it")
                .doesNotContain("Secret");
    }

    /** The gateway's rate-limit store: one locked-down, probed Redis that keeps nothing on disk. */
    @Test
    void redisRunsNonRootWithAReadOnlyRootAndIsProbed() {
        Map<String, Object> deployment = base("Deployment", REDIS);
        Map<String, Object> podSpec = map(at(deployment, "spec", "template", "spec"));
        List<Object> containers = list(podSpec.get("containers"));
        assertThat(containers).as("redis containers").hasSize(1);
        Map<String, Object> container = container(deployment);

        assertThat(String.valueOf(container.get("image"))).as("redis image: official, major version 7, tag pinned in base")
                .matches("redis:7(\\.\\d+)*(-alpine)?");
        List<String> command = new ArrayList<>(strings(container.get("command")));
        command.addAll(strings(container.get("args")));
        assertThat(command).as("redis command: counters only, nothing saved")
                .contains("redis-server").containsSequence("--save", "").containsSequence("--appendonly", "no");
        // One instance: two would each hold part of the counts, so no HPA scales it.
        assertThat(asInt(at(deployment, "spec", "replicas"))).as("redis replicas").isEqualTo(1);
        assertThat(k8sDocuments().stream().filter(d -> d.kind().equals("HorizontalPodAutoscaler"))
                .map(d -> at(d.body(), "spec", "scaleTargetRef", "name"))).as("HPA targets").doesNotContain(REDIS);

        List<Object> containerPorts = list(container.get("ports"));
        assertThat(containerPorts).as("redis container ports").hasSize(1);
        assertThat(asInt(at(containerPorts.get(0), "containerPort"))).as("redis containerPort").isEqualTo(REDIS_PORT);
        for (String name : List.of("livenessProbe", "readinessProbe")) {
            Object probe = container.get(name);
            assertThat(probe).as("redis %s", name).isNotNull();
            Object tcpPort = at(probe, "tcpSocket", "port");
            if (tcpPort != null) {
                assertThat(tcpPort instanceof Number n ? n.intValue() : namedPort(container, String.valueOf(tcpPort)))
                        .as("redis %s port", name).isEqualTo(REDIS_PORT);
            } else {
                assertThat(String.join(" ", strings(at(probe, "exec", "command"))))
                        .as("redis %s: tcpSocket on %d or exec redis-cli ping", name, REDIS_PORT).contains("redis-cli").contains("ping");
            }
        }
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertThat(at(container, "resources", kind, resource)).as("redis resources.%s.%s", kind, resource).isNotNull();
            }
        }

        Map<String, Object> podSecurity = map(podSpec.get("securityContext"));
        Map<String, Object> security = map(container.get("securityContext"));
        assertThat(containerOrPod(security, podSecurity, "runAsNonRoot")).as("redis runAsNonRoot").isEqualTo(true);
        assertThat(Long.parseLong(String.valueOf(containerOrPod(security, podSecurity, "runAsUser"))))
                .as("redis runAsUser").isEqualTo(REDIS_UID);
        assertThat(security.get("allowPrivilegeEscalation")).as("redis allowPrivilegeEscalation").isEqualTo(false);
        assertThat(security.get("readOnlyRootFilesystem")).as("redis readOnlyRootFilesystem").isEqualTo(true);
        assertThat(list(at(security, "capabilities", "drop"))).as("redis capabilities.drop").contains("ALL");
        assertThat(containerOrPod(security, podSecurity, "seccompProfile", "type")).as("redis seccompProfile")
                .isEqualTo("RuntimeDefault");
        assertThat(podSpec.get("automountServiceAccountToken")).as("redis automountServiceAccountToken").isEqualTo(false);
        String dataVolume = list(container.get("volumeMounts")).stream()
                .filter(m -> "/data".equals(at(m, "mountPath"))).map(m -> String.valueOf(at(m, "name")))
                .findFirst().orElse(null);
        assertThat(dataVolume).as("redis mounts a volume at /data, its working directory (the root is read-only)").isNotNull();
        assertThat(list(podSpec.get("volumes"))).as("redis /data is an emptyDir: nothing is kept").anySatisfy(v -> {
            assertThat(at(v, "name")).isEqualTo(dataVolume);
            assertThat(map(v).containsKey("emptyDir")).isTrue();
        });

        Map<String, Object> service = base("Service", REDIS);
        Map<String, String> selector = stringMap(at(service, "spec", "selector"));
        assertThat(selector).as("redis Service selector").isNotEmpty();
        assertThat(podLabels(deployment)).as("redis: Service selector matches the pods").containsAllEntriesOf(selector);
        assertThat(podLabels(deployment)).as("redis: Deployment selector matches its pods")
                .containsAllEntriesOf(stringMap(at(deployment, "spec", "selector", "matchLabels")));
        List<Object> ports = list(at(service, "spec", "ports"));
        assertThat(ports).as("redis Service ports").hasSize(1);
        assertThat(asInt(at(ports.get(0), "port"))).as("redis Service port").isEqualTo(REDIS_PORT);
        Object targetPort = at(ports.get(0), "targetPort");
        assertThat(targetPort instanceof Number n ? n.intValue() : namedPort(container, String.valueOf(targetPort)))
                .as("redis Service targetPort").isEqualTo(REDIS_PORT);
    }

    /** REDIS_URL names the redis Service and port; the gateway trusts X-Forwarded-For from ingress-nginx. */
    @Test
    void gatewayGetsTheRedisUrlAndTrustsTheIngressForwardedHeaders() {
        Map<String, Object> gateway = container(base("Deployment", "gateway"));
        Object redisUrl = envVariable(gateway, "REDIS_URL");
        assertThat(redisUrl).as("gateway sets REDIS_URL").isNotNull();
        Object configMapKey = at(redisUrl, "valueFrom", "configMapKeyRef");
        assertThat(configMapKey).as("gateway REDIS_URL comes from ConfigMap %s", CONFIG_MAP).isNotNull();
        assertThat(at(configMapKey, "name")).isEqualTo(CONFIG_MAP);
        Map<String, String> data = stringMap(base("ConfigMap", CONFIG_MAP).get("data"));
        assertThat(data).as("ConfigMap %s: the redis Service and port", CONFIG_MAP)
                .containsEntry(String.valueOf(at(configMapKey, "key")), REDIS_URL);
        assertThat(base("Service", REDIS)).as("the Service REDIS_URL names").isNotNull();

        // ingress-nginx overwrites X-Forwarded-For by default, and the Ingress is the only way in.
        Object forwardHeaders = envVariable(gateway, "DZN_FORWARD_HEADERS");
        assertThat(at(forwardHeaders, "value")).as("gateway DZN_FORWARD_HEADERS (behind ingress-nginx)").isEqualTo("native");

        for (String module : MODULES) {
            if (!module.equals("gateway")) {
                for (String name : List.of("REDIS_URL", "DZN_FORWARD_HEADERS")) {
                    assertThat(envVariable(container(base("Deployment", module)), name)).as("%s gets %s", module, name).isNull();
                }
            }
        }
    }

    /** The container's env entry of that name, or null. */
    static Object envVariable(Map<String, Object> container, String name) {
        return list(container.get("env")).stream().filter(v -> name.equals(at(v, "name"))).findFirst().orElse(null);
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        return map(list(at(deployment, "spec", "template", "spec", "containers")).get(0));
    }

    /** A securityContext field is inherited from the pod when the container does not set it. */
    static Object containerOrPod(Map<String, Object> container, Map<String, Object> pod, String... path) {
        Object own = at(container, path);
        return own != null ? own : at(pod, path);
    }

    /** "path on port" of an httpGet probe, named ports resolved. */
    static String probe(Map<String, Object> container, String name) {
        Object probe = container.get(name);
        if (probe == null || at(probe, "httpGet") == null) {
            fail("%s has no httpGet %s", container.get("name"), name);
        }
        Object port = at(probe, "httpGet", "port");
        int number = port instanceof Number n ? n.intValue() : namedPort(container, String.valueOf(port));
        return at(probe, "httpGet", "path") + " on " + number;
    }

    static int namedPort(Map<String, Object> container, String name) {
        return list(container.get("ports")).stream().filter(p -> name.equals(at(p, "name")))
                .map(p -> asInt(at(p, "containerPort"))).findFirst()
                .orElseThrow(() -> new AssertionError(container.get("name") + " has no port named " + name));
    }

    static Set<String> envFileKeys(Path file) {
        return read(file).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf('=')).strip()).collect(Collectors.toCollection(TreeSet::new));
    }
}
