package cn.dzn.k8s;

import static cn.dzn.deploy.DeploymentFiles.*;
import static cn.dzn.k8s.Manifests.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the k8s/ manifests hang together: what the Ingress and NetworkPolicies let in, and whether
 * the kustomizations list every file and patch only what exists and what the code reads.
 */
class KubernetesWiringTest {

    static final String INGRESS_NAMESPACE = "ingress-nginx";
    static final String MONITORING_NAMESPACE = "monitoring";

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

    /**
     * Who may open a connection to each module's pods, and to redis, on each port they listen on,
     * according to the NetworkPolicies. Rules for other ports are skipped: the monitoring policy
     * selects every dzn pod, redis too, but only on the ports metrics are served on.
     */
    @Test
    void networkPoliciesLetOnlyTheGatewayReachTheServicesAndRedis() {
        List<Map<String, Object>> policies = k8sDocuments().stream()
                .filter(d -> d.kind().equals("NetworkPolicy") && d.inBase()).map(Doc::body).toList();
        assertThat(policies).as("default deny of all ingress traffic").anySatisfy(p -> {
            assertThat(stringMap(at(p, "spec", "podSelector", "matchLabels"))).isEmpty();
            assertThat(at(p, "spec", "podSelector", "matchExpressions")).isNull();
            assertThat(list(at(p, "spec", "policyTypes"))).contains("Ingress");
            assertThat(list(at(p, "spec", "ingress"))).isEmpty();
        });

        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        MODULES.forEach(module -> labels.put(module, podLabels(base("Deployment", module))));
        labels.put(REDIS, podLabels(base("Deployment", REDIS)));
        expectedAccess().forEach((listener, expected) -> assertThat(allowed(policies, labels, listener))
                .as("who may reach %s", listener).isEqualTo(expected));
    }

    /** A port the pods of a module (or redis) listen on. */
    record Listener(String pod, int port) {
        @Override
        public String toString() {
            return pod + " on " + port;
        }
    }

    /** Pods of the suite, and whole namespaces, allowed to connect. */
    record Access(Set<String> pods, Set<String> namespaces) {
    }

    /**
     * Who must reach each pod on each port it listens on: the Ingress controller the gateway's
     * public port only, Prometheus each module's management port only (its server port where it
     * has none), the suite's own pods the services and redis, and incubator-service the gateway's
     * management port, where it has incubators' own keys issued (issue 17).
     */
    static Map<Listener, Access> expectedAccess() {
        Map<String, Set<String>> callers = Map.of(
                "gateway", Set.of(),
                "zone-service", Set.of("gateway"),
                "fund-service", Set.of("gateway", "zone-service"),
                "talent-service", Set.of("gateway", "zone-service"),
                "incubator-service", Set.of("gateway", "zone-service"));
        Map<Listener, Access> expected = new LinkedHashMap<>();
        for (String module : MODULES) {
            Set<String> namespaces = new TreeSet<>();
            if (module.equals("gateway")) {
                namespaces.add(INGRESS_NAMESPACE);
            }
            if (!hasManagementPort(module)) {
                namespaces.add(MONITORING_NAMESPACE);
            }
            expected.put(new Listener(module, serverPort(module)), new Access(callers.get(module), namespaces));
            if (hasManagementPort(module)) {
                Set<String> pods = module.equals("gateway") ? Set.of("incubator-service") : Set.of();
                expected.put(new Listener(module, managementPort(module)), new Access(pods, Set.of(MONITORING_NAMESPACE)));
            }
        }
        expected.put(new Listener(REDIS, REDIS_PORT), new Access(Set.of("gateway"), Set.of()));
        return expected;
    }

    /** Who the policies selecting the listener's pods let in on its port; pods are known by their labels. */
    static Access allowed(List<Map<String, Object>> policies, Map<String, Map<String, String>> labels, Listener listener) {
        Set<String> pods = new TreeSet<>();
        Set<String> namespaces = new TreeSet<>();
        for (Map<String, Object> policy : policies) {
            if (!selects(at(policy, "spec", "podSelector"), labels.get(listener.pod()))) {
                continue;
            }
            Object policyName = at(policy, "metadata", "name");
            for (Object rule : list(at(policy, "spec", "ingress"))) {
                List<Object> from = list(at(rule, "from"));
                assertThat(from).as("%s: a rule without `from` would let every pod in", policyName).isNotEmpty();
                List<Object> rulePorts = list(at(rule, "ports"));
                assertThat(rulePorts).as("%s: rules name their ports", policyName).isNotEmpty();
                if (!rulePorts.stream().map(p -> asInt(at(p, "port"))).toList().contains(listener.port())) {
                    continue; // another port of these pods, or one nothing listens on
                }
                for (Object peer : from) {
                    assertThat(at(peer, "ipBlock")).as("no ipBlock peers").isNull();
                    Object namespaceSelector = at(peer, "namespaceSelector");
                    if (namespaceSelector != null) {
                        assertThat(at(peer, "podSelector")).as("namespace peers admit the whole namespace").isNull();
                        namespaces.add(stringMap(at(namespaceSelector, "matchLabels")).get("kubernetes.io/metadata.name"));
                    } else {
                        labels.keySet().stream().filter(other -> selects(at(peer, "podSelector"), labels.get(other)))
                                .forEach(pods::add);
                    }
                }
            }
        }
        return new Access(pods, namespaces);
    }

    @Test
    void baseKustomizationListsEveryFileInBase() {
        Path base = ROOT.resolve("k8s/base");
        Map<String, Object> kustomization = loadOne(base.resolve("kustomization.yaml"));
        assertThat(kustomization.get("namespace")).as("k8s/base namespace").isEqualTo("dzn");
        Set<String> listed = new TreeSet<>(strings(kustomization.get("resources")));
        listed.addAll(patchFiles(kustomization));
        assertThat(listed).as("k8s/base/kustomization.yaml lists exactly the files in k8s/base").isEqualTo(manifestFiles(base));
        assertThat(k8sDocuments().stream().filter(d -> d.inBase() && d.kind().equals("Namespace")).map(Doc::name))
                .containsExactly("dzn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayBuildsOnBaseAndGeneratesTheSecret(String overlay) {
        Path dir = ROOT.resolve("k8s/overlays").resolve(overlay);
        Map<String, Object> kustomization = loadOne(dir.resolve("kustomization.yaml"));
        assertThat(list(kustomization.get("resources"))).as("%s resources", overlay).contains("../../base");
        assertThat(kustomization.get("namespace")).as("%s namespace (for the generated Secret too)", overlay).isEqualTo("dzn");

        Set<String> referenced = patchFiles(kustomization);
        for (String path : referenced) {
            assertThat(dir.resolve(path)).as("%s patch", overlay).exists();
            for (Map<String, Object> doc : loadAll(dir.resolve(path))) {
                String kind = String.valueOf(doc.get("kind"));
                String name = String.valueOf(at(doc, "metadata", "name"));
                assertThat(k8sDocuments().stream().anyMatch(d -> d.inBase() && d.kind().equals(kind) && d.name().equals(name)))
                        .as("%s patch %s targets %s %s of the base", overlay, path, kind, name).isTrue();
            }
        }
        assertThat(referenced).as("%s: every file in the overlay is used", overlay).isEqualTo(manifestFiles(dir));

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

    /** Inline JSON patches only: their target can select several Deployments at once. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayAddsOnlyVariablesTheTargetedModulesRead(String overlay) {
        Map<String, Object> kustomization = loadOne(ROOT.resolve("k8s/overlays").resolve(overlay).resolve("kustomization.yaml"));
        for (Object patch : list(kustomization.get("patches"))) {
            Object operations = at(patch, "patch") == null ? null : yaml().load(String.valueOf(at(patch, "patch")));
            if (!(operations instanceof List<?>)) {
                continue;
            }
            for (Object op : list(operations)) {
                if (!String.valueOf(at(op, "path")).matches("/spec/template/spec/containers/\\d+/env(/.*)?")) {
                    continue;
                }
                assertThat(at(patch, "target", "kind")).as("%s: env patch targets Deployments", overlay).isEqualTo("Deployment");
                List<String> targets = patchTargets(at(patch, "target"));
                assertThat(targets).as("%s: env patch selects some Deployment", overlay).isNotEmpty();
                Object value = at(op, "value");
                for (Object variable : value instanceof List<?> ? list(value) : List.of(value)) {
                    for (String module : targets) {
                        assertThat(readVariables(module)).as("%s: overlay %s sets %s on %s", module, overlay,
                                at(variable, "name"), module).contains(String.valueOf(at(variable, "name")));
                    }
                }
            }
        }
    }

    /**
     * Redis is the same in every environment: no overlay patch reaches its Deployment (the dev
     * overlay's smaller JVM requests would exceed its memory limit), and the overlays' `images`
     * retag only the suite's own images (asserted above), so its tag is pinned in base.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayPatchesLeaveRedisAsTheBaseHasIt(String overlay) {
        Path dir = ROOT.resolve("k8s/overlays").resolve(overlay);
        Map<String, Object> kustomization = loadOne(dir.resolve("kustomization.yaml"));
        for (Object patch : list(kustomization.get("patches"))) {
            Object target = at(patch, "target");
            for (String kind : List.of("Deployment", "Service")) {
                assertThat(target != null && targets(target, kind, REDIS))
                        .as("%s: patch target %s selects the redis %s", overlay, target, kind).isFalse();
            }
            if (at(patch, "path") != null) {
                for (Map<String, Object> doc : loadAll(dir.resolve(String.valueOf(at(patch, "path"))))) {
                    assertThat(doc.get("kind") + "/" + at(doc, "metadata", "name")).as("%s patch %s", overlay, at(patch, "path"))
                            .isNotEqualTo("Deployment/" + REDIS).isNotEqualTo("Service/" + REDIS);
                }
            }
        }
    }

    /** The patch files a kustomization names (inline patches have no file). */
    static Set<String> patchFiles(Map<String, Object> kustomization) {
        return list(kustomization.get("patches")).stream().map(p -> at(p, "path")).filter(Objects::nonNull)
                .map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> manifestFiles(Path dir) {
        return yamlFiles(dir).stream().map(p -> p.getFileName().toString())
                .filter(n -> !n.equals("kustomization.yaml")).collect(Collectors.toCollection(TreeSet::new));
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
            List<String> values = strings(at(expression, "values"));
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

    /** The modules whose Deployment a kustomize patch target (name, labelSelector) selects. */
    static List<String> patchTargets(Object target) {
        return MODULES.stream().filter(m -> targets(target, "Deployment", m)).toList();
    }

    /** Whether a kustomize patch target (kind, name, labelSelector) selects that object of the base. */
    static boolean targets(Object target, String kind, String name) {
        Object targetKind = at(target, "kind");
        Object targetName = at(target, "name");
        if (targetKind != null && !targetKind.equals(kind) || targetName != null && !targetName.equals(name)) {
            return false;
        }
        Object labelSelector = at(target, "labelSelector");
        return labelSelector == null
                || labelSelectorMatches(String.valueOf(labelSelector), stringMap(at(base(kind, name), "metadata", "labels")));
    }

    private static final Pattern SET_TERM = Pattern.compile("([^\\s!=]+)\\s+(in|notin)\\s+\\(([^)]*)\\)");
    private static final Pattern EQUALITY_TERM = Pattern.compile("([^\\s!=]+)\\s*(==|=|!=)\\s*([^\\s!=]*)");
    private static final Pattern EXISTS_TERM = Pattern.compile("(!?)\\s*([^\\s!=]+)");

    /**
     * A Kubernetes label selector string (what kustomize's labelSelector takes): comma-separated
     * terms {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)}, {@code k notin (a,b)},
     * {@code k}, {@code !k}, all of which must hold.
     */
    static boolean labelSelectorMatches(String selector, Map<String, String> labels) {
        for (String term : selector.split(",(?![^(]*\\))")) {
            term = term.strip();
            Matcher set = SET_TERM.matcher(term);
            Matcher equality = EQUALITY_TERM.matcher(term);
            Matcher exists = EXISTS_TERM.matcher(term);
            boolean holds;
            if (set.matches()) {
                Set<String> values = Arrays.stream(set.group(3).split(",")).map(String::strip).collect(Collectors.toSet());
                holds = values.contains(labels.get(set.group(1))) == set.group(2).equals("in");
            } else if (equality.matches()) {
                holds = equality.group(3).equals(labels.get(equality.group(1))) != equality.group(2).equals("!=");
            } else if (exists.matches()) {
                holds = labels.containsKey(exists.group(2)) != exists.group(1).equals("!");
            } else {
                throw new AssertionError("labelSelector term not understood here: " + term);
            }
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
