package cn.dzn.gateway;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import cn.dzn.platform.test.ReopenablePort;

/**
 * A real Redis server (Debian's redis-server) on a free loopback port, without persistence.
 * Installed through .ci/install-redis when missing, so the test needs nothing done by hand.
 */
final class RedisProcess {

    private final int port;
    private Process process;

    RedisProcess() {
        // RedisRateLimitTest restarts it on the same port.
        this.port = ReopenablePort.pick();
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    synchronized RedisProcess start() {
        try {
            process = new ProcessBuilder(executable(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "redis-stop"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .failFast("redis-server exited", () -> !process.isAlive())
                .until(this::answersPing);
        return this;
    }

    synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        Path installer = Path.of("..", ".ci", "install-redis").toAbsolutePath().normalize();
        try {
            Process install = new ProcessBuilder(installer.toString()).inheritIO().start();
            if (install.waitFor() != 0 || !Files.isExecutable(Path.of("/usr/bin/redis-server"))) {
                throw new IllegalStateException("redis-server is missing and " + installer + " could not install it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return "/usr/bin/redis-server";
    }

}
