package cn.dzn.k8s;

import static cn.dzn.deploy.DeploymentFiles.ROOT;
import static cn.dzn.deploy.DeploymentFiles.at;
import static cn.dzn.deploy.DeploymentFiles.loadAll;
import static cn.dzn.deploy.DeploymentFiles.stringMap;
import static cn.dzn.deploy.DeploymentFiles.yamlFiles;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The k8s/ manifests as the checks read them: every object of every file, and the base's objects
 * by kind and name. The rest (each module's ports and variables, YAML) is the deploy module's
 * {@link cn.dzn.deploy.DeploymentFiles}.
 */
final class Manifests {

    static final Path K8S = ROOT.resolve("k8s");

    private Manifests() {
    }

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

    /**
     * Every Kubernetes object under k8s/ (kustomization files excluded), all documents of each file.
     * This module's own src/ and target/ hold no manifests.
     */
    static List<Doc> k8sDocuments() {
        return yamlFiles(K8S).stream()
                .filter(file -> !file.startsWith(K8S.resolve("src")) && !file.startsWith(K8S.resolve("target")))
                .filter(file -> !file.getFileName().toString().startsWith("kustomization."))
                .flatMap(file -> loadAll(file).stream().map(body -> new Doc(file, body)))
                .toList();
    }

    static Map<String, Object> base(String kind, String name) {
        List<Doc> matches = k8sDocuments().stream()
                .filter(d -> d.inBase() && d.kind().equals(kind) && d.name().equals(name)).toList();
        if (matches.size() != 1) {
            fail("k8s/base must hold exactly one %s named %s, found %d", kind, name, matches.size());
        }
        return matches.get(0).body();
    }

    static Map<String, String> podLabels(Map<String, Object> deployment) {
        return stringMap(at(deployment, "spec", "template", "metadata", "labels"));
    }
}
