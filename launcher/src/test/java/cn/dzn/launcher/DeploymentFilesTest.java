package cn.dzn.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the deployment files (Dockerfile, docker-compose.yml, deploy/, k8s/) against the code,
 * since no Docker engine or cluster runs here: ports against each module's {@code server.port}
 * default, env variable names against the {@code ${NAME}} placeholders the code reads, probe
 * paths against the actuator probes the platform enables, and the manifests' internal wiring
 * (selectors, references, kustomization lists, network policies).
 *
 * <p>Plain JUnit, no Spring context. Files are read relative to the repository root, which is the
 * parent of this module's working directory.
 */
class DeploymentFilesTest {

    static final List<String> MODULES =
            List.of("gateway", "zone-service", "fund-service", "talent-service", "incubator-service");

    /** Which *_SERVICE_URL variable names which module. */
    static final Map<String, String> URL_VARIABLES = Map.of(
            "ZONE_SERVICE_URL", "zone-service",
            "FUND_SERVICE_URL", "fund-service",
            "TALENT_SERVICE_URL", "talent-service",
            "INCUBATOR_SERVICE_URL", "incubator-service");

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    static final String PROMETHEUS = "/actuator/prometheus";
    static final String IMAGE_VERSION = "0.1.0";
    static final long UID = 10001;
    static final String CONFIG_MAP = "dzn-config";
    static final String SECRET = "dzn-secrets";
    static final Set<String> SECRET_VARIABLES =
            Set.of("MONGODB_URI", "DZN_ADMIN_KEY", "DZN_INTERNAL_TOKEN_SECRET", "DZN_KEY_HASH_SECRET");
    /** Bound by Spring Boot's relaxed binding whatever the yml files say. */
    static final Set<String> ALWAYS_READ = Set.of("SERVER_PORT", "SPRING_PROFILES_ACTIVE");
    static final String INGRESS_NAMESPACE = "ingress-nginx";
    static final String MONITORING_NAMESPACE = "monitoring";

    static final Path ROOT = repositoryRoot();

    static List<String> modules() {
        return MODULES;
    }

    /** The variables each module must be given in compose and k8s. */
    static Set<String> requiredVariables(String module) {
        Set<String> required = new TreeSet<>(Set.of("MONGODB_URI", "DZN_INTERNAL_TOKEN_SECRET", "SPRING_PROFILES_ACTIVE"));
        if (module.equals("gateway")) {
            required.addAll(Set.of("DZN_ADMIN_KEY", "DZN_KEY_HASH_SECRET"));
            required.addAll(URL_VARIABLES.keySet());
        }
        if (module.equals("zone-service")) {
            required.addAll(Set.of("FUND_SERVICE_URL", "TALENT_SERVICE_URL", "INCUBATOR_SERVICE_URL"));
        }
        return required;
    }

    // ------------------------------------------------------------------------------------------
    // The code side: ports, placeholders, probes
    // ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("modules")
    void moduleDeclaresServerPortDefaultFromTheContract(String module) {
        int expected = 8080 + MODULES.indexOf(module); // docs/decisions.md: gateway 8080, services 8081-8084
        assertThat(serverPort(module))
                .as("%s: server.port default in application.yml (docs/decisions.md)", module)
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("modules")
    void moduleEnablesProbesOnTheServerPort(String module) {
        Map<String, Object> config = applicationYml(module);
        boolean own = Boolean.TRUE.equals(at(config, "management", "endpoint", "health", "probes", "enabled"));
        boolean viaPlatform = importsPlatform(config)
                && Boolean.TRUE.equals(at(platformYml(), "management", "endpoint", "health", "probes", "enabled"));
        assertThat(own || viaPlatform)
                .as("%s: management.endpoint.health.probes.enabled must be true, in its application.yml or in the "
                        + "imported classpath:dzn-platform.yml, or %s and %s do not exist", module, LIVENESS, READINESS)
                .isTrue();
        assertThat(at(config, "management", "server", "port"))
                .as("%s: the probes and %s are on the server port; a separate management.server.port would need "
                        + "the manifests changed", module, PROMETHEUS)
                .isNull();
        Object exposure = at(config, "management", "endpoints", "web", "exposure", "include");
        if (exposure == null && importsPlatform(config)) {
            exposure = at(platformYml(), "management", "endpoints", "web", "exposure", "include");
        }
        assertThat(String.valueOf(exposure))
                .as("%s: management.endpoints.web.exposure.include must expose prometheus (scraped by Prometheus)", module)
                .matches("(?s).*\\b(prometheus|\\*)\\b.*");
    }

    @ParameterizedTest
    @MethodSource("modules")
    void pomBuildsTheJarTheDockerfileCopies(String module) {
        String pom = read(ROOT.resolve(module).resolve("pom.xml"));
        assertThat(pom)
                .as("%s/pom.xml: the Dockerfile copies %s/target/%s.jar", module, module, module)
                .contains("<artifactId>" + module + "</artifactId>")
                .contains("<finalName>${project.artifactId}</finalName>")
                .contains("spring-boot-maven-plugin");
    }

    // ------------------------------------------------------------------------------------------
    // Dockerfile
    // ------------------------------------------------------------------------------------------

    @Test
    void dockerfileBuildsAnyModuleAndRunsItAsNonRoot() {
        String dockerfile = read(ROOT.resolve("Dockerfile"));
        List<String> froms = dockerfile.lines().map(String::strip)
                .filter(l -> l.toUpperCase().startsWith("FROM ")).toList();
        assertThat(froms).as("Dockerfile stages").hasSize(2);
        assertThat(froms.get(0)).as("build stage").startsWith("FROM maven:3.9-eclipse-temurin-17 ");
        assertThat(froms.get(1)).as("runtime stage").startsWith("FROM eclipse-temurin:17-jre");
        assertThat(dockerfile)
                .contains("ARG MODULE")
                .contains("ARG PORT")
                .containsPattern("mvn[^\\n]*-pl \"?\\$\\{?MODULE\\}?\"?[^\\n]*-am[^\\n]*-DskipTests[^\\n]*package")
                .contains("\"$MODULE/target/$MODULE.jar\"")
                .contains("/app/app.jar")
                .contains("-XX:MaxRAMPercentage=75")
                .containsPattern("(?m)^ENV JAVA_TOOL_OPTIONS=")
                .containsPattern("(?m)^USER 10001(:10001)?\\s*$")
                .containsPattern("(?m)^EXPOSE \\$\\{?PORT\\}?\\s*$")
                .containsPattern("(?m)^ENTRYPOINT \\[\"java\", \"-jar\", \"/app/app.jar\"\\]\\s*$");
        assertThat(dockerfile.indexOf("USER 10001"))
                .as("USER comes after the last FROM (the runtime stage)")
                .isGreaterThan(dockerfile.lastIndexOf("FROM "));

        List<String> ignored = read(ROOT.resolve(".dockerignore")).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(ignored).as(".dockerignore").contains(".git", "**/target", "data/");
        assertThat(ignored).as(".dockerignore must not drop what the build needs")
                .doesNotContain("pom.xml", "*/pom.xml", "src", "**/src", ".mvn");
    }

    // ------------------------------------------------------------------------------------------
    // docker-compose.yml
    // ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("modules")
    void composeServiceMatchesTheModule(String module) {
        int port = serverPort(module);
        Map<String, Object> service = composeService(module);

        assertThat(at(service, "build", "context")).as("%s build context", module).isEqualTo(".");
        Object dockerfile = at(service, "build", "dockerfile");
        assertThat(dockerfile == null || "Dockerfile".equals(dockerfile)).as("%s builds ./Dockerfile", module).isTrue();
        Map<String, String> args = stringMap(at(service, "build", "args"));
        assertThat(args).as("%s build args", module)
                .containsEntry("MODULE", module)
                .containsEntry("PORT", String.valueOf(port));
        assertThat(service.get("image")).as("%s image", module).isEqualTo("dzn/" + module + ":" + IMAGE_VERSION);

        // Only the gateway is published, on its own port.
        List<Object> ports = list(service.get("ports"));
        if (module.equals("gateway")) {
            assertThat(ports).as("gateway ports").hasSize(1);
            assertThat(containerPortOf(ports.get(0))).as("gateway published container port").isEqualTo(port);
        } else {
            assertThat(ports).as("%s must not be published: only the gateway is", module).isEmpty();
            for (Object exposed : list(service.get("expose"))) {
                assertThat(Integer.parseInt(String.valueOf(exposed))).as("%s expose", module).isEqualTo(port);
            }
        }

        // Health: readiness on the module's port; depends_on waits for healthy dependencies.
        List<String> test = list(at(service, "healthcheck", "test")).stream().map(String::valueOf).toList();
        assertThat(String.join(" ", test)).as("%s healthcheck", module)
                .contains("http://localhost:" + port + READINESS);
        Map<String, Object> dependsOn = map(service.get("depends_on"));
        Set<String> expectedDependencies = new TreeSet<>(Set.of("mongo"));
        if (module.equals("gateway")) {
            expectedDependencies.addAll(URL_VARIABLES.values());
        }
        assertThat(dependsOn.keySet()).as("%s depends_on", module).containsAll(expectedDependencies);
        dependsOn.forEach((dependency, condition) -> {
            assertThat(at(condition, "condition")).as("%s depends_on %s", module, dependency).isEqualTo("service_healthy");
            assertThat(at(composeServices().get(dependency), "healthcheck", "test"))
                    .as("%s waits for %s to be healthy, so %s needs a healthcheck", module, dependency, dependency)
                    .isNotNull();
        });

        // Environment: names the code reads, the required ones present, values consistent.
        Map<String, String> env = stringMap(service.get("environment"));
        assertThat(readVariables(module)).as("%s: variables the code reads (its application.yml, the imported "
                + "dzn-platform.yml, @Value placeholders), compared with what compose sets", module)
                .containsAll(env.keySet());
        assertThat(env.keySet()).as("%s: compose environment", module).containsAll(requiredVariables(module));
        assertThat(env).as("%s", module)
                .containsEntry("SERVER_PORT", String.valueOf(port))
                .containsEntry("SPRING_PROFILES_ACTIVE", "prod");
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

    @Test
    void composeRunsMongoAsAReplicaSetAndTheMonitoringStack() {
        Map<String, Object> services = composeServices();
        assertThat(services.keySet()).as("compose services")
                .containsAll(MODULES).contains("mongo", "prometheus", "grafana");

        Map<String, Object> mongo = map(services.get("mongo"));
        assertThat(mongo.get("image")).isEqualTo("mongo:7");
        assertThat(String.join(" ", list(mongo.get("command")).stream().map(String::valueOf).toList()))
                .as("mongo command").contains("--replSet rs0");
        assertThat(String.valueOf(at(mongo, "healthcheck", "test")))
                .as("mongo healthcheck initiates the replica set if needed")
                .contains("rs.initiate").contains("rs0").contains("mongo:27017");
        assertThat(list(mongo.get("ports"))).as("mongo is not published").isEmpty();
        Map<String, Object> volumes = map(compose().get("volumes"));
        List<String> mongoVolumes = list(mongo.get("volumes")).stream().map(String::valueOf).toList();
        assertThat(mongoVolumes).anySatisfy(v -> assertThat(v).endsWith(":/data/db"));
        for (String volume : mongoVolumes) {
            String source = volume.substring(0, volume.indexOf(':'));
            assertThat(volumes).as("mongo volume %s is a named volume", source).containsKey(source);
        }

        // Prometheus scrapes every service's /actuator/prometheus.
        Map<String, Object> prometheus = map(services.get("prometheus"));
        assertThat(String.valueOf(prometheus.get("image"))).startsWith("prom/prometheus");
        assertThat(list(prometheus.get("volumes")).stream().map(String::valueOf).toList())
                .anySatisfy(v -> assertThat(v).startsWith("./deploy/prometheus.yml:/etc/prometheus/prometheus.yml"));
        Map<String, Object> prometheusConfig = loadOne(ROOT.resolve("deploy/prometheus.yml"));
        Map<String, String> scraped = new LinkedHashMap<>(); // target -> metrics path
        for (Object job : list(prometheusConfig.get("scrape_configs"))) {
            String path = String.valueOf(Objects.requireNonNullElse(at(job, "metrics_path"), "/metrics"));
            for (Object staticConfig : list(at(job, "static_configs"))) {
                for (Object target : list(at(staticConfig, "targets"))) {
                    scraped.put(String.valueOf(target), path);
                }
            }
        }
        for (String module : MODULES) {
            assertThat(scraped).as("deploy/prometheus.yml scrapes %s", module)
                    .containsEntry(module + ":" + serverPort(module), PROMETHEUS);
        }

        // Grafana with a provisioned Prometheus data source.
        Map<String, Object> grafana = map(services.get("grafana"));
        assertThat(String.valueOf(grafana.get("image"))).startsWith("grafana/grafana");
        List<String> grafanaVolumes = list(grafana.get("volumes")).stream().map(String::valueOf).toList();
        assertThat(grafanaVolumes).anySatisfy(v -> assertThat(v).startsWith("./deploy/grafana/provisioning:/etc/grafana/provisioning"));
        for (String volume : grafanaVolumes) {
            if (volume.startsWith("./")) {
                assertThat(ROOT.resolve(volume.substring(2, volume.indexOf(':')))).as("grafana mount source").exists();
            }
        }
        Path datasources = ROOT.resolve("deploy/grafana/provisioning/datasources");
        List<Object> provisioned = yamlFiles(datasources).stream()
                .flatMap(f -> list(loadOne(f).get("datasources")).stream()).toList();
        assertThat(provisioned).as("provisioned Grafana data sources").anySatisfy(ds -> {
            assertThat(at(ds, "type")).isEqualTo("prometheus");
            assertThat(at(ds, "url")).isEqualTo("http://prometheus:9090");
        });
    }

    // ------------------------------------------------------------------------------------------
    // k8s
    // ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("modules")
    void deploymentMatchesTheModule(String module) {
        int port = serverPort(module);
        Map<String, Object> deployment = base("Deployment", module);
        Map<String, Object> podSpec = map(at(deployment, "spec", "template", "spec"));
        List<Object> containers = list(podSpec.get("containers"));
        assertThat(containers).as("%s containers", module).hasSize(1);
        Map<String, Object> container = map(containers.get(0));

        assertThat(container.get("image")).as("%s image", module).isEqualTo("dzn/" + module + ":" + IMAGE_VERSION);
        List<Object> containerPorts = list(container.get("ports"));
        assertThat(containerPorts).as("%s container ports", module).hasSize(1);
        assertThat(asInt(at(containerPorts.get(0), "containerPort"))).as("%s containerPort", module).isEqualTo(port);

        // Probes.
        assertThat(probe(container, "livenessProbe")).as("%s livenessProbe", module).isEqualTo(LIVENESS + " on " + port);
        assertThat(probe(container, "readinessProbe")).as("%s readinessProbe", module).isEqualTo(READINESS + " on " + port);
        assertThat(probe(container, "startupProbe")).as("%s startupProbe", module).endsWith(" on " + port);

        // Prometheus scrape annotations.
        Map<String, String> annotations = stringMap(at(deployment, "spec", "template", "metadata", "annotations"));
        assertThat(annotations).as("%s pod annotations", module)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", String.valueOf(port))
                .containsEntry("prometheus.io/path", PROMETHEUS);

        // Resources.
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertThat(at(container, "resources", kind, resource)).as("%s resources.%s.%s", module, kind, resource).isNotNull();
            }
        }

        // Security: non-root 10001, read-only root with a writable /tmp, no privileges.
        Map<String, Object> podSecurity = map(podSpec.get("securityContext"));
        Map<String, Object> security = map(container.get("securityContext"));
        assertThat(firstNonNull(security.get("runAsNonRoot"), podSecurity.get("runAsNonRoot"))).as("%s runAsNonRoot", module).isEqualTo(true);
        assertThat(asLong(firstNonNull(security.get("runAsUser"), podSecurity.get("runAsUser")))).as("%s runAsUser", module).isEqualTo(UID);
        assertThat(security.get("allowPrivilegeEscalation")).as("%s allowPrivilegeEscalation", module).isEqualTo(false);
        assertThat(security.get("readOnlyRootFilesystem")).as("%s readOnlyRootFilesystem", module).isEqualTo(true);
        assertThat(list(at(security, "capabilities", "drop"))).as("%s capabilities.drop", module).contains("ALL");
        assertThat(firstNonNull(at(security, "seccompProfile", "type"), at(podSecurity, "seccompProfile", "type")))
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

        // Labels and selectors.
        Map<String, String> podLabels = stringMap(at(deployment, "spec", "template", "metadata", "labels"));
        assertThat(podLabels).as("%s pod labels", module).containsEntry("app.kubernetes.io/name", module);
        assertThat(podLabels).as("%s: Deployment selector matches its pods", module)
                .containsAllEntriesOf(stringMap(at(deployment, "spec", "selector", "matchLabels")));
    }

    @ParameterizedTest
    @MethodSource("modules")
    void deploymentEnvironmentIsWhatTheCodeReads(String module) {
        int port = serverPort(module);
        Map<String, Object> container = map(list(at(base("Deployment", module), "spec", "template", "spec", "containers")).get(0));
        Map<String, String> configMap = stringMap(base("ConfigMap", CONFIG_MAP).get("data"));
        Set<String> secretKeys = envFileKeys(ROOT.resolve("k8s/secrets.env.example"));

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
            if (at(variable, "valueFrom", "configMapKeyRef") != null) {
                assertThat(at(variable, "valueFrom", "configMapKeyRef", "name")).as("%s %s", module, name).isEqualTo(CONFIG_MAP);
                String key = String.valueOf(at(variable, "valueFrom", "configMapKeyRef", "key"));
                assertThat(configMap).as("%s: %s reads key %s of ConfigMap %s", module, name, key, CONFIG_MAP).containsKey(key);
                env.put(name, "configmap:" + key);
            } else if (at(variable, "valueFrom", "secretKeyRef") != null) {
                assertThat(at(variable, "valueFrom", "secretKeyRef", "name")).as("%s %s", module, name).isEqualTo(SECRET);
                String key = String.valueOf(at(variable, "valueFrom", "secretKeyRef", "key"));
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
            assertThat(env.get("SERVER_PORT")).as("%s SERVER_PORT", module).isEqualTo(String.valueOf(port));
        }
        String profiles = env.get("SPRING_PROFILES_ACTIVE");
        assertThat(profiles.startsWith("configmap:") ? configMap.get(profiles.substring(10)) : profiles)
                .as("%s SPRING_PROFILES_ACTIVE", module).isEqualTo("prod");
    }

    @ParameterizedTest
    @MethodSource("modules")
    void serviceAutoscalerAndDisruptionBudgetMatchTheDeployment(String module) {
        int port = serverPort(module);
        Map<String, Object> deployment = base("Deployment", module);
        Map<String, String> podLabels = stringMap(at(deployment, "spec", "template", "metadata", "labels"));

        Map<String, Object> service = base("Service", module);
        Map<String, String> selector = stringMap(at(service, "spec", "selector"));
        assertThat(selector).as("%s Service selector", module).isNotEmpty();
        assertThat(podLabels).as("%s: Service selector matches the Deployment's pods", module).containsAllEntriesOf(selector);
        List<Object> ports = list(at(service, "spec", "ports"));
        assertThat(ports).as("%s Service ports", module).hasSize(1);
        assertThat(resolvePort(deployment, at(ports.get(0), "targetPort"))).as("%s Service targetPort", module).isEqualTo(port);
        // The *_SERVICE_URL values carry the port the Service listens on.
        assertThat(asInt(at(ports.get(0), "port"))).as("%s Service port", module).isEqualTo(port);

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
        assertThat(podLabels).as("%s: PodDisruptionBudget selector matches the pods", module)
                .containsAllEntriesOf(stringMap(at(pdb, "spec", "selector", "matchLabels")));
        assertThat(stringMap(at(pdb, "spec", "selector", "matchLabels"))).isNotEmpty();
    }

    @Test
    void configMapPointsAtTheServices() {
        Map<String, String> data = stringMap(base("ConfigMap", CONFIG_MAP).get("data"));
        assertThat(data).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        URL_VARIABLES.forEach((name, module) -> assertThat(data)
                .as("ConfigMap %s", CONFIG_MAP)
                .containsEntry(name, "http://" + module + ":" + serverPort(module)));
        assertThat(data.keySet()).as("no secret in the ConfigMap").doesNotContainAnyElementsOf(SECRET_VARIABLES);

        assertThat(envFileKeys(ROOT.resolve("k8s/secrets.env.example"))).as("k8s/secrets.env.example keys")
                .containsExactlyInAnyOrderElementsOf(SECRET_VARIABLES);
        assertThat(read(ROOT.resolve("k8s/.gitignore")).lines().map(String::strip))
                .as("k8s/.gitignore keeps the real secrets.env out of git").contains("secrets.env");
        assertThat(k8sDocuments().stream().map(Doc::kind)).as("no Secret is committed: the overlays generate it")
                .doesNotContain("Secret");
    }

    @Test
    void onlyTheGatewayIsExposedThroughTheIngress() {
        List<Doc> ingresses = k8sDocuments().stream().filter(d -> d.kind().equals("Ingress") && d.inBase()).toList();
        assertThat(ingresses).as("Ingresses in k8s/base").hasSize(1);
        Set<String> backends = new TreeSet<>();
        for (Object rule : list(at(ingresses.get(0).body(), "spec", "rules"))) {
            for (Object path : list(at(rule, "http", "paths"))) {
                backends.add(at(path, "backend", "service", "name") + ":" + at(path, "backend", "service", "port", "number"));
            }
        }
        assertThat(backends).as("Ingress backends").containsExactly("gateway:" + serverPort("gateway"));
        assertThat(at(ingresses.get(0).body(), "spec", "defaultBackend")).isNull();
    }

    /** Who may open a connection to each module's pods, according to the NetworkPolicies. */
    @Test
    void networkPoliciesLetOnlyTheGatewayReachTheServices() {
        List<Map<String, Object>> policies = k8sDocuments().stream()
                .filter(d -> d.kind().equals("NetworkPolicy") && d.inBase()).map(Doc::body).toList();
        assertThat(policies).as("default deny of all ingress traffic").anySatisfy(p -> {
            assertThat(stringMap(at(p, "spec", "podSelector", "matchLabels"))).isEmpty();
            assertThat(at(p, "spec", "podSelector", "matchExpressions")).isNull();
            assertThat(list(at(p, "spec", "policyTypes"))).contains("Ingress");
            assertThat(list(at(p, "spec", "ingress"))).isEmpty();
        });

        Map<String, Set<String>> expectedPods = Map.of(
                "gateway", Set.of(),
                "zone-service", Set.of("gateway"),
                "fund-service", Set.of("gateway", "zone-service"),
                "talent-service", Set.of("gateway", "zone-service"),
                "incubator-service", Set.of("gateway", "zone-service"));
        for (String module : MODULES) {
            int port = serverPort(module);
            Map<String, String> labels = stringMap(at(base("Deployment", module), "spec", "template", "metadata", "labels"));
            Set<String> pods = new TreeSet<>();
            Set<String> namespaces = new TreeSet<>();
            for (Map<String, Object> policy : policies) {
                if (!selects(at(policy, "spec", "podSelector"), labels)) {
                    continue;
                }
                for (Object rule : list(at(policy, "spec", "ingress"))) {
                    List<Object> from = list(at(rule, "from"));
                    assertThat(from).as("%s: a rule without `from` would let every pod in", at(policy, "metadata", "name")).isNotEmpty();
                    List<Object> rulePorts = list(at(rule, "ports"));
                    assertThat(rulePorts).as("%s: rules name their ports", at(policy, "metadata", "name")).isNotEmpty();
                    assertThat(rulePorts.stream().map(p -> asInt(at(p, "port"))).toList())
                            .as("%s: %s lets traffic in on the module's port", at(policy, "metadata", "name"), module)
                            .contains(port);
                    for (Object peer : from) {
                        assertThat(at(peer, "ipBlock")).as("no ipBlock peers").isNull();
                        Object namespaceSelector = at(peer, "namespaceSelector");
                        if (namespaceSelector != null) {
                            assertThat(at(peer, "podSelector")).as("namespace peers admit the whole namespace").isNull();
                            namespaces.add(stringMap(at(namespaceSelector, "matchLabels")).get("kubernetes.io/metadata.name"));
                        } else {
                            for (String other : MODULES) {
                                Map<String, String> otherLabels = stringMap(
                                        at(base("Deployment", other), "spec", "template", "metadata", "labels"));
                                if (selects(at(peer, "podSelector"), otherLabels)) {
                                    pods.add(other);
                                }
                            }
                        }
                    }
                }
            }
            assertThat(pods).as("pods allowed to reach %s", module).isEqualTo(expectedPods.get(module));
            Set<String> expectedNamespaces = module.equals("gateway")
                    ? Set.of(INGRESS_NAMESPACE, MONITORING_NAMESPACE)
                    : Set.of(MONITORING_NAMESPACE);
            assertThat(namespaces).as("namespaces allowed to reach %s", module).isEqualTo(expectedNamespaces);
        }
    }

    @Test
    void baseKustomizationListsEveryFileInBase() {
        Path base = ROOT.resolve("k8s/base");
        Map<String, Object> kustomization = loadOne(base.resolve("kustomization.yaml"));
        assertThat(kustomization.get("namespace")).as("k8s/base namespace").isEqualTo("dzn");
        Set<String> listed = new TreeSet<>();
        list(kustomization.get("resources")).forEach(r -> listed.add(String.valueOf(r)));
        list(kustomization.get("patches")).forEach(p -> {
            if (at(p, "path") != null) {
                listed.add(String.valueOf(at(p, "path")));
            }
        });
        Set<String> files = yamlFiles(base).stream().map(p -> p.getFileName().toString())
                .filter(n -> !n.equals("kustomization.yaml")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).as("k8s/base/kustomization.yaml lists exactly the files in k8s/base").isEqualTo(files);
        assertThat(k8sDocuments().stream().filter(d -> d.inBase() && d.kind().equals("Namespace")).map(Doc::name))
                .containsExactly("dzn");
    }

    @Test
    void overlaysBuildOnBaseAndGenerateTheSecret() {
        for (String overlay : List.of("dev", "prod")) {
            Path dir = ROOT.resolve("k8s/overlays").resolve(overlay);
            Map<String, Object> kustomization = loadOne(dir.resolve("kustomization.yaml"));
            assertThat(list(kustomization.get("resources"))).as("%s resources", overlay).contains("../../base");
            assertThat(kustomization.get("namespace")).as("%s namespace (for the generated Secret too)", overlay).isEqualTo("dzn");

            Set<String> referenced = new TreeSet<>();
            for (Object patch : list(kustomization.get("patches"))) {
                if (at(patch, "path") != null) {
                    String path = String.valueOf(at(patch, "path"));
                    assertThat(dir.resolve(path)).as("%s patch", overlay).exists();
                    referenced.add(path);
                    for (Map<String, Object> doc : loadAll(dir.resolve(path))) {
                        String kind = String.valueOf(doc.get("kind"));
                        String name = String.valueOf(at(doc, "metadata", "name"));
                        assertThat(k8sDocuments().stream().anyMatch(d -> d.inBase() && d.kind().equals(kind) && d.name().equals(name)))
                                .as("%s patch %s targets %s %s of the base", overlay, path, kind, name).isTrue();
                    }
                }
            }
            Set<String> files = yamlFiles(dir).stream().map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("kustomization.yaml")).collect(Collectors.toCollection(TreeSet::new));
            assertThat(referenced).as("%s: every file in the overlay is used", overlay).isEqualTo(files);

            // Inline JSON patches that add env variables add only ones the targeted modules read.
            for (Object patch : list(kustomization.get("patches"))) {
                if (at(patch, "patch") == null) {
                    continue;
                }
                Object ops = yaml().load(String.valueOf(at(patch, "patch")));
                if (!(ops instanceof List<?> operations)) {
                    continue;
                }
                for (Object op : operations) {
                    if (!String.valueOf(at(op, "path")).matches("/spec/template/spec/containers/\\d+/env(/.*)?")) {
                        continue;
                    }
                    assertThat(at(patch, "target", "kind")).as("%s: env patch targets Deployments", overlay).isEqualTo("Deployment");
                    List<String> targets = patchTargets(at(patch, "target"));
                    assertThat(targets).as("%s: env patch selects some Deployment", overlay).isNotEmpty();
                    Object value = at(op, "value");
                    List<Object> variables = value instanceof List<?> ? list(value) : List.of(value);
                    for (Object variable : variables) {
                        for (String module : targets) {
                            assertThat(readVariables(module)).as("%s: overlay %s sets %s on %s", module, overlay,
                                    at(variable, "name"), module).contains(String.valueOf(at(variable, "name")));
                        }
                    }
                }
            }

            List<Object> generators = list(kustomization.get("secretGenerator"));
            assertThat(generators).as("%s secretGenerator", overlay).hasSize(1);
            assertThat(at(generators.get(0), "name")).isEqualTo(SECRET);
            assertThat(list(at(generators.get(0), "envs"))).as("%s secret source (git-ignored)", overlay).containsExactly("secrets.env");

            Set<String> images = new TreeSet<>();
            for (Object image : list(kustomization.get("images"))) {
                images.add(String.valueOf(at(image, "name")));
                assertThat(at(image, "newTag")).as("%s image %s tag", overlay, at(image, "name")).isNotNull();
            }
            assertThat(images).as("%s images", overlay)
                    .isEqualTo(MODULES.stream().map(m -> "dzn/" + m).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    @Test
    void everyManifestIsAKubernetesObject() {
        List<Doc> documents = k8sDocuments();
        assertThat(documents).isNotEmpty();
        for (Doc doc : documents) {
            assertThat(doc.body().get("apiVersion")).as("%s: apiVersion", doc.file()).isNotNull();
            assertThat(doc.kind()).as("%s: kind", doc.file()).isNotEqualTo("null");
            assertThat(doc.name()).as("%s: metadata.name", doc.file()).isNotEqualTo("null");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Doc doc : documents.stream().filter(Doc::inBase).toList()) {
            assertThat(seen.add(doc.kind() + "/" + doc.name())).as("duplicate %s %s in base", doc.kind(), doc.name()).isTrue();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Reading the code's configuration
    // ------------------------------------------------------------------------------------------

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    static final Pattern GETENV = Pattern.compile("getenv\\(\\s*\"([A-Z][A-Z0-9_]*)\"");

    static Map<String, Object> applicationYml(String module) {
        Path file = ROOT.resolve(module).resolve("src/main/resources/application.yml");
        if (!Files.isRegularFile(file)) {
            fail("%s is missing: the deployment files are checked against each module's server.port and "
                    + "${...} placeholders, so the module must have its application.yml", ROOT.relativize(file));
        }
        return loadOne(file);
    }

    static Map<String, Object> platformYml() {
        return loadOne(ROOT.resolve("platform/src/main/resources/dzn-platform.yml"));
    }

    static boolean importsPlatform(Map<String, Object> config) {
        return String.valueOf(at(config, "spring", "config", "import")).contains("dzn-platform.yml");
    }

    /** The {@code ${SERVER_PORT:NNNN}} default (or a literal port) of the module's server.port. */
    static int serverPort(String module) {
        Object port = at(applicationYml(module), "server", "port");
        if (port instanceof Number number) {
            return number.intValue();
        }
        Matcher matcher = Pattern.compile("^\\$\\{SERVER_PORT:(\\d+)}$").matcher(String.valueOf(port).strip());
        if (!matcher.matches()) {
            fail("%s: server.port must be ${SERVER_PORT:<port>} (docs/decisions.md), found %s", module, port);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /**
     * Every environment variable a module reads: {@code ${NAME...}} placeholders in its application*.yml
     * and properties, in dzn-platform.yml when it imports it, and in the Java sources of the module
     * and of platform (@Value), plus {@code System.getenv("NAME")}, plus what Boot binds by itself.
     */
    static Set<String> readVariables(String module) {
        Set<String> names = new TreeSet<>(ALWAYS_READ);
        List<Path> sources = new ArrayList<>();
        Path resources = ROOT.resolve(module).resolve("src/main/resources");
        sources.addAll(filesUnder(resources, 1).stream()
                .filter(p -> p.getFileName().toString().matches("application.*\\.(ya?ml|properties)")).toList());
        if (importsPlatform(applicationYml(module))) {
            sources.add(ROOT.resolve("platform/src/main/resources/dzn-platform.yml"));
        }
        sources.addAll(filesUnder(ROOT.resolve(module).resolve("src/main/java"), Integer.MAX_VALUE));
        sources.addAll(filesUnder(ROOT.resolve("platform/src/main/java"), Integer.MAX_VALUE));
        for (Path source : sources) {
            String text = read(source);
            for (Pattern pattern : List.of(PLACEHOLDER, GETENV)) {
                Matcher matcher = pattern.matcher(text);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    // ------------------------------------------------------------------------------------------
    // Reading the deployment files
    // ------------------------------------------------------------------------------------------

    record Doc(Path file, Map<String, Object> body) {
        String kind() {
            return String.valueOf(body.get("kind"));
        }

        String name() {
            return String.valueOf(at(body, "metadata", "name"));
        }

        boolean inBase() {
            return file.startsWith(ROOT.resolve("k8s/base"));
        }
    }

    /** Every Kubernetes object under k8s/ (kustomization files excluded), all documents of each file. */
    static List<Doc> k8sDocuments() {
        List<Doc> documents = new ArrayList<>();
        for (Path file : yamlFiles(ROOT.resolve("k8s"))) {
            if (file.getFileName().toString().startsWith("kustomization.")) {
                continue;
            }
            for (Map<String, Object> body : loadAll(file)) {
                documents.add(new Doc(file, body));
            }
        }
        return documents;
    }

    static Map<String, Object> base(String kind, String name) {
        List<Doc> matches = k8sDocuments().stream()
                .filter(d -> d.inBase() && d.kind().equals(kind) && d.name().equals(name)).toList();
        if (matches.size() != 1) {
            fail("k8s/base must hold exactly one %s named %s, found %d", kind, name, matches.size());
        }
        return matches.get(0).body();
    }

    static Map<String, Object> compose() {
        return loadOne(ROOT.resolve("docker-compose.yml"));
    }

    static Map<String, Object> composeServices() {
        return map(compose().get("services"));
    }

    static Map<String, Object> composeService(String module) {
        Object service = composeServices().get(module);
        if (service == null) {
            fail("docker-compose.yml has no service %s", module);
        }
        return map(service);
    }

    static int containerPortOf(Object portSpec) {
        if (portSpec instanceof Map<?, ?> mapping) {
            return asInt(mapping.get("target"));
        }
        String spec = String.valueOf(portSpec).replaceAll("/(tcp|udp)$", "");
        return Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1));
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

    static int resolvePort(Map<String, Object> deployment, Object port) {
        if (port instanceof Number number) {
            return number.intValue();
        }
        Map<String, Object> container = map(list(at(deployment, "spec", "template", "spec", "containers")).get(0));
        return namedPort(container, String.valueOf(port));
    }

    static int namedPort(Map<String, Object> container, String name) {
        return list(container.get("ports")).stream().filter(p -> name.equals(at(p, "name")))
                .map(p -> asInt(at(p, "containerPort"))).findFirst()
                .orElseThrow(() -> new AssertionError(container.get("name") + " has no port named " + name));
    }

    /** Whether a label selector (matchLabels; matchExpressions with In/Exists) selects these labels. */
    static boolean selects(Object selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        for (Map.Entry<String, String> entry : stringMap(at(selector, "matchLabels")).entrySet()) {
            if (!entry.getValue().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (Object expression : list(at(selector, "matchExpressions"))) {
            String key = String.valueOf(at(expression, "key"));
            String operator = String.valueOf(at(expression, "operator"));
            List<String> values = list(at(expression, "values")).stream().map(String::valueOf).toList();
            boolean ok = switch (operator) {
                case "In" -> values.contains(labels.get(key));
                case "NotIn" -> !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new AssertionError("unknown selector operator " + operator);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The modules whose Deployment a kustomize patch target (name, labelSelector key=value,...) selects. */
    static List<String> patchTargets(Object target) {
        Object name = at(target, "name");
        Map<String, String> required = new LinkedHashMap<>();
        Object labelSelector = at(target, "labelSelector");
        if (labelSelector != null) {
            for (String term : String.valueOf(labelSelector).split(",")) {
                String[] pair = term.strip().split("=", 2);
                assertThat(pair).as("labelSelector term %s: only key=value is understood here", term).hasSize(2);
                required.put(pair[0].strip(), pair[1].strip());
            }
        }
        return MODULES.stream()
                .filter(m -> name == null || name.equals(m))
                .filter(m -> stringMap(at(base("Deployment", m), "metadata", "labels")).entrySet().containsAll(required.entrySet()))
                .toList();
    }

    static Set<String> envFileKeys(Path file) {
        return read(file).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf('=')).strip()).collect(Collectors.toCollection(TreeSet::new));
    }

    // ------------------------------------------------------------------------------------------
    // Files and YAML
    // ------------------------------------------------------------------------------------------

    static Path repositoryRoot() {
        for (Path candidate : List.of(Path.of("..").toAbsolutePath().normalize(), Path.of("").toAbsolutePath())) {
            if (Files.isRegularFile(candidate.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("launcher"))
                    && Files.isDirectory(candidate.resolve("platform"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the repository root (the directory with pom.xml, launcher/ and "
                + "platform/) from the working directory " + Path.of("").toAbsolutePath()
                + "; run the test from the launcher module, e.g. mvn -pl launcher test");
    }

    static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            fail("%s not found", ROOT.relativize(file));
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> yamlFiles(Path dir) {
        return filesUnder(dir, Integer.MAX_VALUE).stream()
                .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).toList();
    }

    static List<Path> filesUnder(Path dir, int depth) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    static List<Map<String, Object>> loadAll(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(read(file))) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    static Map<String, Object> loadOne(Path file) {
        List<Map<String, Object>> documents = loadAll(file);
        if (documents.size() != 1) {
            fail("%s: expected one YAML document, found %d", ROOT.relativize(file), documents.size());
        }
        return documents.get(0);
    }

    /** Walks nested maps; null where a key is missing or a value is not a map. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, found " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof String s) {
            return List.of(s);
        }
        if (!(node instanceof List<?>)) {
            throw new AssertionError("expected a sequence, found " + node);
        }
        return (List<Object>) node;
    }

    /** A mapping of strings, or a compose-style list of KEY=VALUE strings. */
    static Map<String, String> stringMap(Object node) {
        Map<String, String> result = new LinkedHashMap<>();
        if (node instanceof List<?> entries) {
            for (Object entry : entries) {
                String text = String.valueOf(entry);
                int eq = text.indexOf('=');
                result.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
            return result;
        }
        map(node).forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        return result;
    }

    static int asInt(Object value) {
        return Integer.parseInt(String.valueOf(value));
    }

    static long asLong(Object value) {
        return Long.parseLong(String.valueOf(value));
    }

    static Object firstNonNull(Object a, Object b) {
        return a != null ? a : b;
    }
}
