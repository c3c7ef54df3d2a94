package cn.dzn.k8s;

import static cn.dzn.deploy.DeploymentFiles.at;
import static cn.dzn.deploy.DeploymentFiles.map;
import static cn.dzn.deploy.DeploymentFiles.yaml;
import static cn.dzn.k8s.Manifests.K8S;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * An overlay as {@code kubectl kustomize} (or a standalone {@code kustomize build}) renders it: what
 * {@code kubectl apply -k} would send, generated names, namespaces, components and patches applied.
 * The overlays' secret files are git-ignored, so the render runs on a copy of k8s/ (base,
 * components, overlays; no {@code *.env} file copied) in which each overlay gets {@code secrets.env}
 * and {@code relay-secrets.env} from the committed templates. Without either tool on the PATH the
 * test is skipped with a line saying so; the checks that parse the files themselves still run.
 */
final class Kustomize {

    static final List<String> TEMPLATES = List.of("secrets.env", "relay-secrets.env");

    private Kustomize() {
    }

    record Rendered(List<Map<String, Object>> objects) {
        List<Map<String, Object>> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        }

        Optional<Map<String, Object>> find(String kind, String name) {
            return ofKind(kind).stream().filter(o -> name.equals(at(o, "metadata", "name"))).findFirst();
        }

        Map<String, Object> get(String kind, String name) {
            return find(kind, name).orElseThrow(() -> new AssertionError("the render holds no " + kind + " " + name));
        }
    }

    /** Renders k8s/overlays/{overlay} from a copy under {@code work}. */
    static Rendered render(String overlay, Path work) {
        List<String> command = command();
        Path copy = work.resolve("k8s");
        for (String dir : List.of("base", "components", "overlays")) {
            copyTree(K8S.resolve(dir), copy.resolve(dir));
        }
        try (Stream<Path> overlays = Files.list(copy.resolve("overlays"))) {
            for (Path dir : overlays.filter(Files::isDirectory).toList()) {
                for (String name : TEMPLATES) {
                    Files.copy(K8S.resolve(name + ".example"), dir.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> full = new ArrayList<>(command);
        full.add(copy.resolve("overlays").resolve(overlay).toString());
        String output = run(full, work);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : yaml().loadAll(output)) {
            if (document != null) {
                objects.add(map(document));
            }
        }
        return new Rendered(objects);
    }

    private static List<String> command() {
        if (onPath("kubectl")) {
            return List.of("kubectl", "kustomize");
        }
        if (onPath("kustomize")) {
            return List.of("kustomize", "build");
        }
        Assumptions.abort("neither kubectl nor kustomize is on the PATH, so the overlays are not rendered "
                + "(install kubectl: https://kubernetes.io/docs/tasks/tools/)");
        throw new AssertionError("unreachable");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    private static String run(List<String> command, Path work) {
        try {
            Path out = work.resolve("render.yaml");
            Path err = work.resolve("render.err");
            Process process = new ProcessBuilder(command).directory(work.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("%s did not finish within 2 minutes", String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                fail("%s failed (exit %d):%n%s", String.join(" ", command), process.exitValue(), Files.readString(err));
            }
            return Files.readString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering", e);
        }
    }

    /** Copies the manifests, leaving out every {@code *.env}: a real secrets file never leaves the tree. */
    private static void copyTree(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().endsWith(".env")) {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
