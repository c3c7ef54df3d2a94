package cn.dzn.k8s;

import static cn.dzn.deploy.DeploymentFiles.*;
import static cn.dzn.k8s.KubernetesWiringTest.allowed;
import static cn.dzn.k8s.KubernetesWiringTest.expectedAccess;
import static cn.dzn.k8s.KubernetesWiringTest.manifestFiles;
import static cn.dzn.k8s.KubernetesWorkloadsTest.CONFIG_MAP;
import static cn.dzn.k8s.KubernetesWorkloadsTest.HTTP_PORT;
import static cn.dzn.k8s.KubernetesWorkloadsTest.SECRETS_EXAMPLE;
import static cn.dzn.k8s.KubernetesWorkloadsTest.UID;
import static cn.dzn.k8s.KubernetesWorkloadsTest.container;
import static cn.dzn.k8s.KubernetesWorkloadsTest.containerOrPod;
import static cn.dzn.k8s.KubernetesWorkloadsTest.envFileKeys;
import static cn.dzn.k8s.KubernetesWorkloadsTest.probe;
import static cn.dzn.k8s.Manifests.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The relay of a deployment with a tier above (docs/federation.md): the Component
 * k8s/components/relay and the example overlay k8s/overlays/city (prod plus the component), against
 * the relay module's port, probes and variables; and the prod and dev overlays, which stay
 * without it. The files are parsed as the other checks do; the overlays are also rendered with
 * {@code kubectl kustomize} when it is installed ({@link Kustomize}).
 */
class KubernetesRelayTest {

    static final String RELAY = "relay";
    static final Path COMPONENT = K8S.resolve("components/relay");
    static final Path CITY = K8S.resolve("overlays/city");
    static final Path RELAY_SECRETS_EXAMPLE = K8S.resolve("relay-secrets.env.example");
    static final String RELAY_CONFIG = "dzn-relay-config";
    static final String RELAY_SECRET = "dzn-relay-secrets";
    static final String STATE_CLAIM = "relay-state";
    static final String UPSTREAM_KEY = "DZN_RELAY_UPSTREAM_KEY";
    static final String LOCAL_KEY = "DZN_RELAY_LOCAL_KEY";
    /** Where the image keeps the cursors (the Dockerfile creates it for uid 10001; docker-compose.yml mounts its volume there). */
    static final String STATE_DIR = "/var/lib/dzn-relay";
    /** What the overlay's ConfigMap carries: this deployment's name and the tier above's gateway. */
    static final Set<String> RELAY_CONFIG_KEYS = Set.of("DZN_DEPLOYMENT_ID", "DZN_RELAY_UPSTREAM_URL");

    // --- the files as committed ---------------------------------------------------------------

    @Test
    void cityOverlayIsProdPlusTheRelayComponent() {
        Map<String, Object> component = loadOne(COMPONENT.resolve("kustomization.yaml"));
        assertThat(component.get("kind")).as("components/relay is a kustomize Component").isEqualTo("Component");
        assertThat(new TreeSet<>(strings(component.get("resources")))).as("components/relay lists exactly its files")
                .isEqualTo(manifestFiles(COMPONENT));

        Map<String, Object> city = loadOne(CITY.resolve("kustomization.yaml"));
        assertThat(strings(city.get("resources"))).as("city builds on prod").containsExactly("../prod");
        assertThat(strings(city.get("components"))).as("city adds the relay").containsExactly("../../components/relay");
        assertThat(city.get("namespace")).as("city namespace (for what it generates and the component adds)").isEqualTo("dzn");
        assertThat(manifestFiles(CITY)).as("city: no manifest beside its kustomization").isEmpty();
        assertThat(list(city.get("images"))).as("city retags the relay image").anySatisfy(image -> {
            assertThat(at(image, "name")).isEqualTo("dzn/" + RELAY);
            assertThat(at(image, "newTag")).isEqualTo(IMAGE_VERSION);
        });

        Map<String, String> config = generated(city, "configMapGenerator", RELAY_CONFIG);
        assertThat(config.keySet()).as("city %s keys", RELAY_CONFIG).isEqualTo(RELAY_CONFIG_KEYS);
        assertThat(config.get("DZN_DEPLOYMENT_ID")).as("city DZN_DEPLOYMENT_ID: a name the relay accepts (RelayProperties)")
                .matches(deploymentIdPattern());
        assertThat(config.get("DZN_RELAY_UPSTREAM_URL")).as("city DZN_RELAY_UPSTREAM_URL: the tier above's gateway")
                .matches("https?://[^\\s/]+(/\\S*)?");

        List<Object> secrets = list(city.get("secretGenerator")).stream()
                .filter(g -> RELAY_SECRET.equals(at(g, "name"))).toList();
        assertThat(secrets).as("city secretGenerator %s", RELAY_SECRET).hasSize(1);
        assertThat(strings(at(secrets.get(0), "envs"))).as("city %s source (git-ignored)", RELAY_SECRET)
                .containsExactly("relay-secrets.env");
        assertThat(at(secrets.get(0), "literals")).as("city %s: no literal secret", RELAY_SECRET).isNull();
        assertThat(envFileKeys(RELAY_SECRETS_EXAMPLE)).as("k8s/relay-secrets.env.example keys").containsExactly(UPSTREAM_KEY);
        assertThat(read(K8S.resolve(".gitignore")).lines().map(String::strip))
                .as("k8s/.gitignore keeps the real relay-secrets.env out of git").contains("relay-secrets.env");
    }

    /** The nation has no tier above: prod (and dev) neither list the component nor inherit the relay from base. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayWithoutATierAboveHasNoRelay(String overlay) {
        Map<String, Object> kustomization = loadOne(K8S.resolve("overlays").resolve(overlay).resolve("kustomization.yaml"));
        assertThat(kustomization.get("components")).as("%s components", overlay).isNull();
        assertThat(strings(kustomization.get("resources"))).as("%s resources", overlay).containsExactly("../../base");
        assertThat(k8sDocuments().stream().filter(d -> d.inBase() || d.file().startsWith(K8S.resolve("overlays")))
                .map(d -> d.kind() + "/" + d.name()))
                .as("base and overlays hold no relay object").noneMatch(id -> id.contains(RELAY));
    }

    @Test
    void relayDeploymentRunsTheRelayImageOnItsPort() {
        int port = serverPort(RELAY);
        assertThat(port).as("relay server port (relay/src/main/resources/application.yml)").isEqualTo(8095);
        Map<String, Object> deployment = component("Deployment", RELAY);
        List<Object> containers = list(at(deployment, "spec", "template", "spec", "containers"));
        assertThat(containers).as("relay containers").hasSize(1);
        Map<String, Object> container = container(deployment);

        assertThat(container.get("image")).as("relay image").isEqualTo("dzn/" + RELAY + ":" + IMAGE_VERSION);
        assertThat(list(container.get("ports")).stream().collect(Collectors.toMap(p -> String.valueOf(at(p, "name")),
                p -> asInt(at(p, "containerPort"))))).as("relay container ports").containsExactly(Map.entry(HTTP_PORT, port));

        // Health and metrics on the server port: the relay has no management port of its own.
        assertThat(managementPort(RELAY)).as("relay management port").isEqualTo(port);
        Map<String, Object> config = applicationYml(RELAY);
        assertThat(String.valueOf(at(config, "management", "endpoints", "web", "exposure", "include")))
                .as("relay exposes health and prometheus").contains("health").contains("prometheus");
        assertThat(at(config, "management", "endpoint", "health", "probes", "enabled")).as("relay probes enabled").isEqualTo(true);
        assertThat(probe(container, "startupProbe")).as("relay startupProbe").isEqualTo(LIVENESS + " on " + port);
        assertThat(probe(container, "livenessProbe")).as("relay livenessProbe").isEqualTo(LIVENESS + " on " + port);
        assertThat(probe(container, "readinessProbe")).as("relay readinessProbe").isEqualTo(READINESS + " on " + port);
        assertThat(stringMap(at(deployment, "spec", "template", "metadata", "annotations"))).as("relay pod annotations")
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", String.valueOf(port))
                .containsEntry("prometheus.io/path", PROMETHEUS);

        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertThat(at(container, "resources", kind, resource))
                        .as("relay resources.%s.%s, as the services have them", kind, resource)
                        .isEqualTo(at(container(base("Deployment", "zone-service")), "resources", kind, resource));
            }
        }
        Map<String, String> podLabels = podLabels(deployment);
        assertThat(podLabels).as("relay pod labels").containsEntry("app.kubernetes.io/name", RELAY)
                .containsEntry("app.kubernetes.io/part-of", "dzn");
        // The dev overlay's patches select component=service and component in (gateway,service).
        assertThat(podLabels.get("app.kubernetes.io/component")).as("relay component label").isEqualTo(RELAY);
        assertThat(podLabels).as("relay: Deployment selector matches its pods")
                .containsAllEntriesOf(stringMap(at(deployment, "spec", "selector", "matchLabels")));
    }

    /**
     * Every variable the Deployment sets is one the relay reads, and every placeholder of its
     * application.yml is set; the two keys come from Secrets, never as literal values.
     */
    @Test
    void relayEnvironmentIsWhatTheRelayReads() {
        Map<String, Object> container = container(component("Deployment", RELAY));
        Map<String, Object> env = new LinkedHashMap<>();
        for (Object variable : list(container.get("env"))) {
            String name = String.valueOf(at(variable, "name"));
            assertThat(env.put(name, variable)).as("relay: %s set twice", name).isNull();
        }
        assertThat(container.get("envFrom")).as("relay: explicit env only").isNull();

        Set<String> placeholders = PLACEHOLDER.matcher(read(ROOT.resolve("relay/src/main/resources/application.yml"))).results()
                .map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(placeholders).as("relay application.yml placeholders")
                .contains("DZN_DEPLOYMENT_ID", "DZN_RELAY_UPSTREAM_URL", UPSTREAM_KEY, "DZN_RELAY_LOCAL_URL", LOCAL_KEY,
                        "DZN_RELAY_STATE_DIR", "SERVER_PORT", "SERVER_ADDRESS");
        assertThat(env.keySet()).as("relay Deployment sets every placeholder of relay's application.yml").containsAll(placeholders);
        assertThat(readVariables(RELAY)).as("relay: variables the code reads, compared with what the Deployment sets")
                .containsAll(env.keySet());

        assertThat(literal(env, "SERVER_PORT")).as("relay SERVER_PORT").isEqualTo(String.valueOf(serverPort(RELAY)));
        assertThat(literal(env, "SERVER_ADDRESS")).as("relay SERVER_ADDRESS: the kubelet and Prometheus reach the pod's address")
                .isEqualTo("0.0.0.0");
        assertThat(literal(env, "DZN_RELAY_LOCAL_URL")).as("relay DZN_RELAY_LOCAL_URL: this deployment's gateway Service, public port")
                .isEqualTo("http://gateway:" + serverPort("gateway"));
        assertThat(list(at(base("Service", "gateway"), "spec", "ports")).stream().map(p -> asInt(at(p, "port"))))
                .as("the gateway Service listens on the port DZN_RELAY_LOCAL_URL names").contains(serverPort("gateway"));
        assertThat(literal(env, "DZN_RELAY_STATE_DIR")).as("relay DZN_RELAY_STATE_DIR").isEqualTo(STATE_DIR);

        assertThat(configMapKey(env, "SPRING_PROFILES_ACTIVE")).as("relay SPRING_PROFILES_ACTIVE")
                .isEqualTo(Map.entry(CONFIG_MAP, "SPRING_PROFILES_ACTIVE"));
        assertThat(stringMap(base("ConfigMap", CONFIG_MAP).get("data"))).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        Map<String, String> cityConfig = generated(loadOne(CITY.resolve("kustomization.yaml")), "configMapGenerator", RELAY_CONFIG);
        for (String name : RELAY_CONFIG_KEYS) {
            assertThat(configMapKey(env, name)).as("relay %s", name).isEqualTo(Map.entry(RELAY_CONFIG, name));
            assertThat(cityConfig).as("city %s carries %s", RELAY_CONFIG, name).containsKey(name);
        }

        assertThat(secretKey(env, UPSTREAM_KEY)).as("relay %s: the tier above's RELAY key", UPSTREAM_KEY)
                .isEqualTo(Map.entry(RELAY_SECRET, UPSTREAM_KEY));
        assertThat(envFileKeys(RELAY_SECRETS_EXAMPLE)).contains(UPSTREAM_KEY);
        assertThat(secretKey(env, LOCAL_KEY)).as("relay %s: this deployment's admin key", LOCAL_KEY)
                .isEqualTo(Map.entry(SECRET, "DZN_ADMIN_KEY"));
        assertThat(envFileKeys(SECRETS_EXAMPLE)).contains("DZN_ADMIN_KEY");
        env.forEach((name, variable) -> {
            if (name.matches(".*(KEY|SECRET|TOKEN|PASSWORD|URI).*")) {
                assertThat(at(variable, "value")).as("relay %s: no literal secret", name).isNull();
                assertThat(at(variable, "valueFrom", "secretKeyRef")).as("relay %s comes from a Secret", name).isNotNull();
            }
        });
    }

    /** One writer of the cursors, which live on the claim; locked down as the services are. */
    @Test
    void relayRunsAloneNonRootWithItsCursorsOnAClaim() {
        Map<String, Object> deployment = component("Deployment", RELAY);
        assertThat(asInt(at(deployment, "spec", "replicas"))).as("relay replicas").isEqualTo(1);
        assertThat(at(deployment, "spec", "strategy", "type")).as("relay strategy: the old pod is gone before the new one starts")
                .isEqualTo("Recreate");
        assertThat(k8sDocuments().stream().filter(d -> d.kind().equals("HorizontalPodAutoscaler"))
                .map(d -> at(d.body(), "spec", "scaleTargetRef", "name"))).as("HPA targets").doesNotContain(RELAY);
        assertThat(k8sDocuments().stream().filter(d -> d.kind().equals("PodDisruptionBudget"))
                .filter(d -> KubernetesWiringTest.selects(at(d.body(), "spec", "selector"), podLabels(deployment))))
                .as("PodDisruptionBudgets selecting the relay").isEmpty();

        Map<String, Object> podSpec = map(at(deployment, "spec", "template", "spec"));
        Map<String, Object> container = container(deployment);
        Map<String, Object> podSecurity = map(podSpec.get("securityContext"));
        Map<String, Object> security = map(container.get("securityContext"));
        assertThat(containerOrPod(security, podSecurity, "runAsNonRoot")).as("relay runAsNonRoot").isEqualTo(true);
        assertThat(Long.parseLong(String.valueOf(containerOrPod(security, podSecurity, "runAsUser")))).as("relay runAsUser")
                .isEqualTo(UID);
        assertThat(Long.parseLong(String.valueOf(podSecurity.get("fsGroup")))).as("relay fsGroup: the claim writable for the user")
                .isEqualTo(UID);
        assertThat(security.get("allowPrivilegeEscalation")).as("relay allowPrivilegeEscalation").isEqualTo(false);
        assertThat(security.get("readOnlyRootFilesystem")).as("relay readOnlyRootFilesystem").isEqualTo(true);
        assertThat(list(at(security, "capabilities", "drop"))).as("relay capabilities.drop").contains("ALL");
        assertThat(containerOrPod(security, podSecurity, "seccompProfile", "type")).as("relay seccompProfile")
                .isEqualTo("RuntimeDefault");
        assertThat(podSpec.get("automountServiceAccountToken")).as("relay automountServiceAccountToken").isEqualTo(false);
        assertThat(podSpec.get("enableServiceLinks")).as("relay enableServiceLinks").isEqualTo(false);

        Map<String, Object> volumes = list(podSpec.get("volumes")).stream()
                .collect(Collectors.toMap(v -> String.valueOf(at(v, "name")), v -> v));
        Map<String, Object> mounts = list(container.get("volumeMounts")).stream()
                .collect(Collectors.toMap(m -> String.valueOf(at(m, "mountPath")), m -> m));
        assertThat(mounts).as("relay mounts /tmp (the root is read-only) and the state dir").containsKeys("/tmp", STATE_DIR);
        assertThat(map(volumes.get(String.valueOf(at(mounts.get("/tmp"), "name")))).containsKey("emptyDir"))
                .as("relay /tmp is an emptyDir").isTrue();
        Object state = mounts.get(STATE_DIR);
        assertThat(at(state, "readOnly")).as("relay state dir writable").isNotEqualTo(true);
        assertThat(at(state, "subPath")).as("relay state dir: the claim's root").isNull();
        assertThat(at(volumes.get(String.valueOf(at(state, "name"))), "persistentVolumeClaim", "claimName"))
                .as("relay state dir %s is on the claim", STATE_DIR).isEqualTo(STATE_CLAIM);
        assertThat(envValue(container, "DZN_RELAY_STATE_DIR")).as("the relay keeps its cursors where the claim is mounted")
                .isEqualTo(STATE_DIR);

        Map<String, Object> claim = component("PersistentVolumeClaim", STATE_CLAIM);
        assertThat(strings(at(claim, "spec", "accessModes"))).as("relay-state accessModes").containsExactly("ReadWriteOnce");
        assertThat(at(claim, "spec", "resources", "requests", "storage")).as("relay-state size").isEqualTo("1Gi");
    }

    /**
     * The relay reaches the gateway's public port, Prometheus reaches the relay, and nothing else
     * changes: who may reach every other pod is what {@link KubernetesWiringTest} expects of the
     * base alone. No policy restricts egress, so the relay reaches the tier above wherever it is.
     */
    @Test
    void networkPoliciesLetTheRelayReachTheGatewayAndOnlyPrometheusReachTheRelay() {
        List<Map<String, Object>> policies = k8sDocuments().stream()
                .filter(d -> d.kind().equals("NetworkPolicy") && (d.inBase() || d.file().startsWith(COMPONENT)))
                .map(Doc::body).toList();
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        MODULES.forEach(module -> labels.put(module, podLabels(base("Deployment", module))));
        labels.put(REDIS, podLabels(base("Deployment", REDIS)));
        labels.put(RELAY, podLabels(component("Deployment", RELAY)));

        Map<KubernetesWiringTest.Listener, KubernetesWiringTest.Access> expected = new LinkedHashMap<>(expectedAccess());
        KubernetesWiringTest.Listener gateway = new KubernetesWiringTest.Listener("gateway", serverPort("gateway"));
        Set<String> gatewayCallers = new TreeSet<>(expected.get(gateway).pods());
        gatewayCallers.add(RELAY);
        expected.put(gateway, new KubernetesWiringTest.Access(gatewayCallers, expected.get(gateway).namespaces()));
        expected.put(new KubernetesWiringTest.Listener(RELAY, serverPort(RELAY)),
                new KubernetesWiringTest.Access(Set.of(), Set.of(KubernetesWiringTest.MONITORING_NAMESPACE)));
        expected.forEach((listener, access) -> assertThat(allowed(policies, labels, listener))
                .as("with the relay, who may reach %s", listener).isEqualTo(access));

        for (Map<String, Object> policy : policies) {
            assertThat(strings(at(policy, "spec", "policyTypes"))).as("%s restricts ingress only", at(policy, "metadata", "name"))
                    .containsExactly("Ingress");
            assertThat(at(policy, "spec", "egress")).as("%s egress rules", at(policy, "metadata", "name")).isNull();
        }
    }

    // --- the overlays as kubectl kustomize renders them -----------------------------------------

    @Test
    void cityOverlayRendersWithTheRelayWired(@TempDir Path work) {
        Kustomize.Rendered city = Kustomize.render("city", work);
        assertThat(city.objects()).as("every object of the city render is in namespace dzn").allSatisfy(o -> {
            if (!"Namespace".equals(o.get("kind"))) {
                assertThat(at(o, "metadata", "namespace")).as("%s %s", o.get("kind"), at(o, "metadata", "name")).isEqualTo("dzn");
            }
        });
        for (String module : MODULES) {
            assertThat(city.find("Deployment", module)).as("city keeps prod's %s", module).isPresent();
        }
        assertThat(city.find("PersistentVolumeClaim", STATE_CLAIM)).as("city relay-state claim").isPresent();
        assertThat(city.find("NetworkPolicy", "gateway-from-relay")).isPresent();
        assertThat(city.find("NetworkPolicy", "relay-from-monitoring")).isPresent();

        Map<String, Object> deployment = city.get("Deployment", RELAY);
        Map<String, Object> container = container(deployment);
        assertThat(container.get("image")).as("rendered relay image").isEqualTo("dzn/" + RELAY + ":" + IMAGE_VERSION);
        assertThat(at(deployment, "spec", "strategy", "type")).as("rendered relay strategy").isEqualTo("Recreate");

        // Generated names carry a hash; every reference must point at an object of the render that has the key.
        for (Object variable : list(container.get("env"))) {
            Object secretRef = at(variable, "valueFrom", "secretKeyRef");
            Object configRef = at(variable, "valueFrom", "configMapKeyRef");
            if (secretRef != null) {
                assertThat(map(city.get("Secret", String.valueOf(at(secretRef, "name"))).get("data")))
                        .as("rendered relay %s: the Secret holds the key", at(variable, "name"))
                        .containsKey(String.valueOf(at(secretRef, "key")));
            } else if (configRef != null) {
                assertThat(map(city.get("ConfigMap", String.valueOf(at(configRef, "name"))).get("data")))
                        .as("rendered relay %s: the ConfigMap holds the key", at(variable, "name"))
                        .containsKey(String.valueOf(at(configRef, "key")));
            }
        }
        assertThat(secretKey(envByName(container), UPSTREAM_KEY).getKey()).as("relay key Secret (generated, hashed name)")
                .startsWith(RELAY_SECRET + "-");
        assertThat(secretKey(envByName(container), LOCAL_KEY).getKey()).as("admin key Secret: prod's generated dzn-secrets")
                .startsWith(SECRET + "-");
        assertThat(city.ofKind("Secret")).as("city Secrets: prod's and the relay's").hasSize(2);

        Object stateVolume = list(at(deployment, "spec", "template", "spec", "volumes")).stream()
                .filter(v -> at(v, "persistentVolumeClaim") != null).findFirst().orElseThrow();
        assertThat(at(stateVolume, "persistentVolumeClaim", "claimName")).isEqualTo(STATE_CLAIM);
    }

    /** The city's own objects and prod's are the same objects: the component only adds. */
    @Test
    void cityOverlayChangesNothingOfProd(@TempDir Path work) {
        Kustomize.Rendered prod = Kustomize.render("prod", work.resolve("prod"));
        Kustomize.Rendered city = Kustomize.render("city", work.resolve("city"));
        Map<String, Map<String, Object>> cityById = city.objects().stream()
                .collect(Collectors.toMap(KubernetesRelayTest::id, o -> o));
        for (Map<String, Object> object : prod.objects()) {
            assertThat(cityById.get(id(object))).as("city's %s", id(object)).isEqualTo(object);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayWithoutATierAboveRendersWithoutTheRelay(String overlay, @TempDir Path work) {
        Kustomize.Rendered rendered = Kustomize.render(overlay, work);
        assertThat(rendered.find("Deployment", "gateway")).as("%s renders", overlay).isPresent();
        assertThat(rendered.objects().stream().map(KubernetesRelayTest::id)).as("%s objects", overlay)
                .noneMatch(id -> id.contains(RELAY));
        assertThat(rendered.ofKind("PersistentVolumeClaim")).as("%s claims", overlay).isEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    /** The one object of that kind and name in k8s/components/relay. */
    static Map<String, Object> component(String kind, String name) {
        List<Doc> matches = k8sDocuments().stream()
                .filter(d -> d.file().startsWith(COMPONENT) && d.kind().equals(kind) && d.name().equals(name)).toList();
        if (matches.size() != 1) {
            fail("k8s/components/relay must hold exactly one %s named %s, found %d", kind, name, matches.size());
        }
        return matches.get(0).body();
    }

    /** KEY=value literals of a kustomization's generator of that name. */
    static Map<String, String> generated(Map<String, Object> kustomization, String generator, String name) {
        List<Object> matches = list(kustomization.get(generator)).stream().filter(g -> name.equals(at(g, "name"))).toList();
        assertThat(matches).as("%s %s", generator, name).hasSize(1);
        return stringMap(at(matches.get(0), "literals"));
    }

    /** The deployment-name pattern the relay validates (RelayProperties' @Pattern on `deployment`). */
    static String deploymentIdPattern() {
        String source = read(ROOT.resolve("relay/src/main/java/cn/dzn/relay/RelayProperties.java"));
        Matcher matcher = Pattern.compile("@Pattern\\(regexp\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\)\\s*String\\s+deployment\\b")
                .matcher(source);
        if (!matcher.find()) {
            fail("RelayProperties: no @Pattern on `deployment` found to check DZN_DEPLOYMENT_ID against");
        }
        return matcher.group(1).replace("\\\\", "\\");
    }

    static String id(Map<String, Object> object) {
        return object.get("kind") + "/" + at(object, "metadata", "name");
    }

    static Map<String, Object> envByName(Map<String, Object> container) {
        return list(container.get("env")).stream().collect(Collectors.toMap(v -> String.valueOf(at(v, "name")), v -> v));
    }

    static String envValue(Map<String, Object> container, String name) {
        return literal(envByName(container), name);
    }

    static String literal(Map<String, Object> env, String name) {
        Object variable = env.get(name);
        assertThat(variable).as("relay sets %s", name).isNotNull();
        assertThat(at(variable, "valueFrom")).as("relay %s is a literal value", name).isNull();
        return String.valueOf(at(variable, "value"));
    }

    static Map.Entry<String, String> configMapKey(Map<String, Object> env, String name) {
        return reference(env, name, "configMapKeyRef");
    }

    static Map.Entry<String, String> secretKey(Map<String, Object> env, String name) {
        return reference(env, name, "secretKeyRef");
    }

    private static Map.Entry<String, String> reference(Map<String, Object> env, String name, String kind) {
        Object variable = env.get(name);
        assertThat(variable).as("relay sets %s", name).isNotNull();
        assertThat(at(variable, "value")).as("relay %s: no literal value", name).isNull();
        Object ref = at(variable, "valueFrom", kind);
        assertThat(ref).as("relay %s from a %s", name, kind).isNotNull();
        return Map.entry(String.valueOf(at(ref, "name")), String.valueOf(at(ref, "key")));
    }
}
