package cn.dzn.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a part's end is reported to what it leaves behind (its class archive): clean only when it
 * had been ready and then exited on a signal or of itself with 0.
 */
class ChildProcessTest {

    @TempDir
    Path logs;

    final List<Boolean> ends = new ArrayList<>();
    /** Stands in for the part's port: the readiness probe only connects. */
    ServerSocket port;

    @BeforeEach
    void open() throws Exception {
        port = new ServerSocket(0);
    }

    @AfterEach
    void close() throws Exception {
        port.close();
    }

    /** Returns once the script has set its traps and said so. */
    ChildProcess start(String script) throws Exception {
        ChildProcess part = ChildProcess.start("part-" + ends.size() + "-" + System.nanoTime(),
                List.of("sh", "-c", script), Map.of(), logs).onEnd(ends::add);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.exists(part.log()) && Files.readString(part.log()).contains("ready"));
        return part;
    }

    ChildProcess ready(String script) throws Exception {
        ChildProcess part = start(script);
        part.awaitPort(port.getLocalPort(), Duration.ofSeconds(10));
        return part;
    }

    @Test
    void aReadyPartThatExitsOnSigtermEndedCleanly() throws Exception {
        ready("trap 'exit 143' TERM; echo ready; while true; do sleep 0.1; done").stop(Duration.ofSeconds(10));
        assertThat(ends).containsExactly(true);
    }

    @Test
    void aPartThatNeverGotReadyOrExitedWithAnErrorDidNot() throws Exception {
        start("trap 'exit 143' TERM; echo ready; while true; do sleep 0.1; done").stop(Duration.ofSeconds(10));
        ready("trap 'exit 1' TERM; echo ready; while true; do sleep 0.1; done").stop(Duration.ofSeconds(10));
        assertThat(ends).containsExactly(false, false);
    }

    @Test
    void aPartKilledOrStoppedByForceDidNot() throws Exception {
        ready("echo ready; sleep 60").kill();
        ready("trap '' TERM; echo ready; while true; do sleep 0.1; done").stop(Duration.ofMillis(500));
        assertThat(ends).containsExactly(false, false);
    }

    @Test
    void aPartThatHadCrashedBeforeItWasStoppedDidNot() throws Exception {
        ChildProcess crashed = ready("echo ready; sleep 0.5; kill -9 $$");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> !crashed.isAlive());
        crashed.stop(Duration.ofSeconds(1));
        assertThat(ends).containsExactly(false);
    }
}
