package cn.dzn.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One part of the suite running as its own JVM, its output going to a log file. */
public final class ChildProcess {

    /**
     * Exit codes of a JVM that ran its shutdown normally, on SIGINT or on SIGTERM; not 1, which is
     * also what a failed start or a failed class-archive dump exits with.
     */
    private static final Set<Integer> CLEAN_EXITS = Set.of(0, 130, 143);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final Instant started;
    private volatile Consumer<Boolean> ended = cleanly -> { };
    private volatile boolean wasReady;

    private ChildProcess(String name, Process process, Path log, Instant started) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.started = started;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path logDir) {
        return start(name, command, env, List.of(), logDir);
    }

    /** {@code withheld}: variables of this process's environment the child must not inherit. */
    public static ChildProcess start(String name, List<String> command, Map<String, String> env,
            List<String> withheld, Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().keySet().removeAll(withheld);
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start(), log, Instant.now());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * What to do once this process has been stopped or killed: {@code cleanly} when it had been
     * ready and then exited of itself (on SIGTERM, SIGINT or its own), not when it was killed,
     * crashed or never got ready.
     */
    public ChildProcess onEnd(Consumer<Boolean> action) {
        this.ended = action;
        return this;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Resident set size from /proc (Linux), or -1 where that is not available. */
    public long rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code url} answers 200; returns how long the process took to get there. */
    public Duration awaitHttpOk(String url, Duration timeout) {
        return await(timeout, () -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
    }

    public Duration awaitPort(int port, Duration timeout) {
        return await(timeout, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            }
        });
    }

    private interface Probe {
        boolean ready() throws Exception;
    }

    private Duration await(Duration timeout, Probe probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; last lines of "
                        + log + ":\n" + tail(40));
            }
            try {
                if (probe.ready()) {
                    wasReady = true;
                    return Duration.between(started, Instant.now());
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log + ":\n" + tail(40));
    }

    /** SIGTERM, so the service shuts down gracefully; SIGKILL after a grace period. */
    public void stop(Duration grace) {
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                ended.accept(wasReady && CLEAN_EXITS.contains(process.exitValue()));
                return;
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        ended.accept(false);
    }

    /** SIGKILL at once, as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ended.accept(false);
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
