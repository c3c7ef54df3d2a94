package cn.dzn.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Markdown walkthrough: its {@code bash} blocks, in order, in one shell; the {@code text}
 * block right after a {@code bash} block lists lines that must appear in that block's output.
 */
final class Walkthrough {

    record Step(String script, List<String> expected) {
    }

    private Walkthrough() {
    }

    static List<Step> parse(Path markdown) throws IOException {
        List<Step> steps = new ArrayList<>();
        List<String> lines = Files.readAllLines(markdown);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```bash")) {
                continue;
            }
            int end = closing(lines, i);
            String script = String.join("\n", lines.subList(i + 1, end));
            List<String> expected = List.of();
            if (end + 1 < lines.size() && lines.get(end + 1).equals("```text")) {
                int textEnd = closing(lines, end + 1);
                expected = lines.subList(end + 2, textEnd);
                end = textEnd;
            }
            steps.add(new Step(script, expected));
            i = end;
        }
        return steps;
    }

    /** Runs every step and checks each one's expected lines; returns the whole output. */
    static String run(Path markdown, Map<String, String> env) throws IOException, InterruptedException {
        List<Step> steps = parse(markdown);
        assertThat(steps).as("bash blocks in " + markdown).isNotEmpty();
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            script.append(steps.get(i).script()).append("\necho '@@step ").append(i).append("'\n");
        }
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true);
        bash.environment().putAll(env);
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String rest = output;
        for (int i = 0; i < steps.size(); i++) {
            String marker = "@@step " + i + "\n";
            assertThat(rest).as("output of step %d of %s:%n%s", i, markdown, output).contains(marker);
            String stepOutput = rest.substring(0, rest.indexOf(marker));
            for (String line : steps.get(i).expected()) {
                assertThat(stepOutput).as("step %d:%n%s%n--- printed ---%n%s", i, steps.get(i).script(), stepOutput)
                        .contains(line.strip());
            }
            rest = rest.substring(rest.indexOf(marker) + marker.length());
        }
        return output;
    }

    private static int closing(List<String> lines, int opening) {
        for (int j = opening + 1; j < lines.size(); j++) {
            if (lines.get(j).equals("```")) {
                return j;
            }
        }
        throw new IllegalStateException("unclosed code block at line " + (opening + 1));
    }
}
