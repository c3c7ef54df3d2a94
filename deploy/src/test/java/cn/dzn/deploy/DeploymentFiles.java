package cn.dzn.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the deployment-file tests share. No Docker engine or cluster runs here, so Dockerfile,
 * docker-compose.yml, deploy/ and k8s/ are read as text and YAML and compared with the code: each
 * module's {@code server.port} and {@code management.server.port} defaults and the {@code ${NAME}}
 * variables it reads. Files are read relative to the repository root, the parent of this module's
 * working directory. The k8s module's checks use it too (this module's test jar); what only they
 * need is in its {@code Manifests}.
 */
public final class DeploymentFiles {

    public static final List<String> MODULES =
            List.of("gateway", "zone-service", "fund-service", "talent-service", "incubator-service");
    /** For {@code @FieldSource}: one test per module. */
    public static final String EACH_MODULE = "cn.dzn.deploy.DeploymentFiles#MODULES";

    /** Which *_SERVICE_URL variable names which module. */
    public static final Map<String, String> URL_VARIABLES = Map.of(
            "ZONE_SERVICE_URL", "zone-service",
            "FUND_SERVICE_URL", "fund-service",
            "TALENT_SERVICE_URL", "talent-service",
            "INCUBATOR_SERVICE_URL", "incubator-service");
    /**
     * Where incubator-service has incubators' own keys issued: the gateway's management port, not
     * its public one (docs/decisions.md, issue 17). Only incubator-service reads it.
     */
    public static final String GATEWAY_INTERNAL_URL = "DZN_GATEWAY_INTERNAL_URL";
    public static final Set<String> SECRET_VARIABLES =
            Set.of("MONGODB_URI", "DZN_ADMIN_KEY", "DZN_INTERNAL_TOKEN_SECRET", "DZN_KEY_HASH_SECRET");

    /**
     * The gateway's rate-limit store, read from REDIS_URL: the compose service and the k8s
     * Deployment/Service are named so, and listen on Redis's port. Only the gateway reads it.
     */
    public static final String REDIS = "redis";
    public static final int REDIS_PORT = 6379;
    public static final String REDIS_URL = "redis://" + REDIS + ":" + REDIS_PORT;

    public static final String LIVENESS = "/actuator/health/liveness";
    public static final String READINESS = "/actuator/health/readiness";
    public static final String PROMETHEUS = "/actuator/prometheus";
    public static final String IMAGE_VERSION = "0.1.0";
    public static final String SECRET = "dzn-secrets";

    public static final Path ROOT = repositoryRoot();

    /** Bound by Spring Boot's relaxed binding whatever the yml files say. */
    private static final Set<String> ALWAYS_READ = Set.of("SERVER_PORT", "SPRING_PROFILES_ACTIVE");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern GETENV = Pattern.compile("getenv\\(\\s*\"([A-Z][A-Z0-9_]*)\"");

    private DeploymentFiles() {
    }

    /** The variables each module must be given in compose and k8s. */
    public static Set<String> requiredVariables(String module) {
        Set<String> required = new TreeSet<>(Set.of("MONGODB_URI", "DZN_INTERNAL_TOKEN_SECRET", "SPRING_PROFILES_ACTIVE"));
        if (module.equals("gateway")) {
            required.addAll(Set.of("DZN_ADMIN_KEY", "DZN_KEY_HASH_SECRET"));
            required.addAll(URL_VARIABLES.keySet());
        }
        if (module.equals("zone-service")) {
            required.addAll(Set.of("FUND_SERVICE_URL", "TALENT_SERVICE_URL", "INCUBATOR_SERVICE_URL"));
        }
        if (module.equals("incubator-service")) {
            required.add(GATEWAY_INTERNAL_URL);
        }
        return required;
    }

    /** The value of {@link #GATEWAY_INTERNAL_URL} in compose and k8s: the gateway's name and management port. */
    public static String gatewayInternalUrl() {
        return "http://gateway:" + managementPort("gateway");
    }

    public static Map<String, Object> applicationYml(String module) {
        Path file = ROOT.resolve(module).resolve("src/main/resources/application.yml");
        if (!Files.isRegularFile(file)) {
            fail("%s is missing: the deployment files are checked against each module's server.port and "
                    + "${...} placeholders, so the module must have its application.yml", ROOT.relativize(file));
        }
        return loadOne(file);
    }

    public static Map<String, Object> platformYml() {
        return loadOne(ROOT.resolve("platform/src/main/resources/dzn-platform.yml"));
    }

    public static boolean importsPlatform(Map<String, Object> config) {
        return String.valueOf(at(config, "spring", "config", "import")).contains("dzn-platform.yml");
    }

    /** The {@code ${SERVER_PORT:NNNN}} default (or a literal port) of the module's server.port. */
    public static int serverPort(String module) {
        Object port = at(applicationYml(module), "server", "port");
        if (port instanceof Number number) {
            return number.intValue();
        }
        return placeholderDefault(module, "server.port", "SERVER_PORT", port);
    }

    /**
     * Where the module's probes and {@link #PROMETHEUS} are: the {@code ${MANAGEMENT_SERVER_PORT:NNNN}}
     * default of its management.server.port, or its server port when it has none. No literal
     * port: the deployment files set MANAGEMENT_SERVER_PORT as they set SERVER_PORT, so it must be read.
     */
    public static int managementPort(String module) {
        Object port = at(applicationYml(module), "management", "server", "port");
        return port == null ? serverPort(module)
                : placeholderDefault(module, "management.server.port", "MANAGEMENT_SERVER_PORT", port);
    }

    /** Whether its probes and metrics are off its server port: compose and k8s then set MANAGEMENT_SERVER_PORT. */
    public static boolean hasManagementPort(String module) {
        return managementPort(module) != serverPort(module);
    }

    private static int placeholderDefault(String module, String property, String variable, Object value) {
        Matcher matcher = Pattern.compile("^\\$\\{" + variable + ":(\\d+)}$").matcher(String.valueOf(value).strip());
        if (!matcher.matches()) {
            fail("%s: %s must be ${%s:<port>} (docs/decisions.md), found %s", module, property, variable, value);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /**
     * Every environment variable a module reads: {@code ${NAME...}} placeholders in its application*.yml
     * and properties, in dzn-platform.yml when it imports it, and in the Java sources of the module
     * and of platform (@Value), plus {@code System.getenv("NAME")}, plus what Boot binds by itself.
     */
    public static Set<String> readVariables(String module) {
        List<Path> sources = new ArrayList<>(filesUnder(ROOT.resolve(module).resolve("src/main/resources"), 1).stream()
                .filter(p -> p.getFileName().toString().matches("application.*\\.(ya?ml|properties)")).toList());
        if (importsPlatform(applicationYml(module))) {
            sources.add(ROOT.resolve("platform/src/main/resources/dzn-platform.yml"));
        }
        sources.addAll(filesUnder(ROOT.resolve(module).resolve("src/main/java"), Integer.MAX_VALUE));
        sources.addAll(filesUnder(ROOT.resolve("platform/src/main/java"), Integer.MAX_VALUE));
        Set<String> names = new TreeSet<>(ALWAYS_READ);
        for (Path source : sources) {
            String text = read(source);
            for (Pattern pattern : List.of(PLACEHOLDER, GETENV)) {
                pattern.matcher(text).results().forEach(m -> names.add(m.group(1)));
            }
        }
        return names;
    }

    public static Map<String, Object> compose() {
        return loadOne(ROOT.resolve("docker-compose.yml"));
    }

    public static Map<String, Object> composeServices() {
        return map(compose().get("services"));
    }

    private static Path repositoryRoot() {
        for (Path candidate : List.of(Path.of("..").toAbsolutePath().normalize(), Path.of("").toAbsolutePath())) {
            if (Files.isRegularFile(candidate.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("deploy"))
                    && Files.isDirectory(candidate.resolve("platform"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the repository root (the directory with pom.xml, deploy/ and "
                + "platform/) from the working directory " + Path.of("").toAbsolutePath()
                + "; run the test from its module, e.g. mvn -pl deploy test or mvn -pl k8s -am test");
    }

    public static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            fail("%s not found", ROOT.relativize(file));
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> yamlFiles(Path dir) {
        return filesUnder(dir, Integer.MAX_VALUE).stream()
                .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).toList();
    }

    private static List<Path> filesUnder(Path dir, int depth) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    public static List<Map<String, Object>> loadAll(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(read(file))) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    public static Map<String, Object> loadOne(Path file) {
        List<Map<String, Object>> documents = loadAll(file);
        if (documents.size() != 1) {
            fail("%s: expected one YAML document, found %d", ROOT.relativize(file), documents.size());
        }
        return documents.get(0);
    }

    /** Walks nested maps; null where a key is missing or a value is not a map. */
    public static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    /** A mapping; an absent one reads as empty. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node) {
        if (node != null && !(node instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, found " + node);
        }
        return node == null ? Map.of() : (Map<String, Object>) node;
    }

    /** A sequence; an absent one reads as empty and a lone string (compose's shell form) as one item. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node) {
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

    public static List<String> strings(Object node) {
        return list(node).stream().map(String::valueOf).toList();
    }

    /** A mapping of strings, or a compose-style list of KEY=VALUE strings. */
    public static Map<String, String> stringMap(Object node) {
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

    public static int asInt(Object value) {
        return Integer.parseInt(String.valueOf(value));
    }
}
