package cn.dzn.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a part's end is reported to what it leaves behind (its class archive): clean only when it exited itself. */
class ChildProcessTest {

    @TempDir
    Path logs;

    final List<Boolean> ends = new ArrayList<>();

    /** Returns once the script has set its traps and said so. */
    ChildProcess start(String script) throws Exception {
        ChildProcess part = ChildProcess.start("part-" + ends.size() + "-" + System.nanoTime(), List.of("sh", "-c", script), Map.of(), logs).onEnd(ends::add);
        while (!Files.exists(part.log()) || !Files.readString(part.log()).contains("ready")) {
            Thread.sleep(20);
        }
        return part;
    }

    @Test
    void aPartThatExitsOnSigtermEndedCleanly() throws Exception {
        start("trap 'exit 143' TERM; echo ready; while true; do sleep 0.1; done").stop(Duration.ofSeconds(10));
        assertThat(ends).containsExactly(true);
    }

    @Test
    void aPartKilledOrStoppedByForceDidNot() throws Exception {
        start("echo ready; sleep 60").kill();
        start("trap '' TERM; echo ready; while true; do sleep 0.1; done").stop(Duration.ofMillis(500));
        assertThat(ends).containsExactly(false, false);
    }

    @Test
    void aPartThatHadCrashedBeforeItWasStoppedDidNot() throws Exception {
        ChildProcess crashed = start("echo ready; kill -9 $$");
        while (crashed.isAlive()) {
            Thread.sleep(20);
        }
        crashed.stop(Duration.ofSeconds(1));
        assertThat(ends).containsExactly(false);
    }
}
