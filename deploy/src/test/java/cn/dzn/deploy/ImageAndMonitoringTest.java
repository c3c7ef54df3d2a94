package cn.dzn.deploy;

import static cn.dzn.deploy.DeploymentFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The code side that compose and k8s are checked against (each module's server and management
 * ports, probes and metrics endpoint), the image that packages a module, and the monitoring stack
 * that scrapes it.
 */
class ImageAndMonitoringTest {

    @ParameterizedTest
    @FieldSource(EACH_MODULE)
    void moduleDeclaresServerPortDefaultFromTheContract(String module) {
        int expected = 8080 + MODULES.indexOf(module); // docs/decisions.md: gateway 8080, services 8081-8084
        assertThat(serverPort(module))
                .as("%s: server.port default in application.yml (docs/decisions.md)", module)
                .isEqualTo(expected);
    }

    /**
     * The gateway's public port is the suite's one door to the internet, so its probes and metrics
     * are on a port of their own, which no Service or Ingress reaches; the services keep theirs on
     * their server port, where only the gateway and Prometheus may connect.
     */
    @ParameterizedTest
    @FieldSource(EACH_MODULE)
    void moduleDeclaresManagementPortFromTheContract(String module) {
        int expected = module.equals("gateway") ? 8090 : serverPort(module); // docs/decisions.md
        assertThat(managementPort(module))
                .as("%s: management.server.port default in application.yml, else its server port (docs/decisions.md)", module)
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @FieldSource(EACH_MODULE)
    void moduleEnablesProbesAndMetrics(String module) {
        Map<String, Object> config = applicationYml(module);
        boolean own = Boolean.TRUE.equals(at(config, "management", "endpoint", "health", "probes", "enabled"));
        boolean viaPlatform = importsPlatform(config)
                && Boolean.TRUE.equals(at(platformYml(), "management", "endpoint", "health", "probes", "enabled"));
        assertThat(own || viaPlatform)
                .as("%s: management.endpoint.health.probes.enabled must be true, in its application.yml or in the "
                        + "imported classpath:dzn-platform.yml, or %s and %s do not exist", module, LIVENESS, READINESS)
                .isTrue();
        Object exposure = at(config, "management", "endpoints", "web", "exposure", "include");
        if (exposure == null && importsPlatform(config)) {
            exposure = at(platformYml(), "management", "endpoints", "web", "exposure", "include");
        }
        assertThat(String.valueOf(exposure))
                .as("%s: management.endpoints.web.exposure.include must expose prometheus (scraped by Prometheus)", module)
                .matches("(?s).*\\b(prometheus|\\*)\\b.*");
    }

    @ParameterizedTest
    @FieldSource(EACH_MODULE)
    void pomBuildsTheJarTheDockerfileCopies(String module) {
        assertThat(read(ROOT.resolve(module).resolve("pom.xml")))
                .as("%s/pom.xml: the Dockerfile copies %s/target/%s.jar", module, module, module)
                .contains("<artifactId>" + module + "</artifactId>")
                .contains("<finalName>${project.artifactId}</finalName>")
                .contains("spring-boot-maven-plugin");
    }

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

    /** Each module is scraped once, on its management port (a stale server-port target would only ever fail). */
    @Test
    void prometheusScrapesEveryModuleAndGrafanaReadsPrometheus() {
        Map<String, Object> prometheus = map(composeServices().get("prometheus"));
        assertThat(String.valueOf(prometheus.get("image"))).startsWith("prom/prometheus");
        assertThat(strings(prometheus.get("volumes")))
                .anySatisfy(v -> assertThat(v).startsWith("./deploy/prometheus.yml:/etc/prometheus/prometheus.yml"));
        Map<String, String> scraped = new LinkedHashMap<>(); // target -> metrics path
        for (Object job : list(loadOne(ROOT.resolve("deploy/prometheus.yml")).get("scrape_configs"))) {
            String path = String.valueOf(Objects.requireNonNullElse(at(job, "metrics_path"), "/metrics"));
            for (Object staticConfig : list(at(job, "static_configs"))) {
                strings(at(staticConfig, "targets")).forEach(target -> scraped.put(target, path));
            }
        }
        for (String module : MODULES) {
            assertThat(scraped).as("deploy/prometheus.yml scrapes %s on its management port", module)
                    .containsEntry(module + ":" + managementPort(module), PROMETHEUS);
            assertThat(scraped.keySet().stream().filter(target -> target.startsWith(module + ":")))
                    .as("deploy/prometheus.yml targets on %s", module).hasSize(1);
        }

        Map<String, Object> grafana = map(composeServices().get("grafana"));
        assertThat(String.valueOf(grafana.get("image"))).startsWith("grafana/grafana");
        List<String> grafanaVolumes = strings(grafana.get("volumes"));
        assertThat(grafanaVolumes)
                .anySatisfy(v -> assertThat(v).startsWith("./deploy/grafana/provisioning:/etc/grafana/provisioning"));
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
}
