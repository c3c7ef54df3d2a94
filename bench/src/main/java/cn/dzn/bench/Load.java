package cn.dzn.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A closed-loop HTTP load generator of our own (no wrk on a fresh machine): N connections, each
 * a thread with its own HTTP/1.1 client, so each keeps exactly one keep-alive connection and
 * sends its next request when the last answer is in. Warm-up requests are not recorded. Latencies
 * go into a plain array, sorted once at the end (no HdrHistogram here).
 */
final class Load {

    /**
     * What one run measured; {@code sent} counts warm-up requests too (for CPU per request),
     * {@code clientCores} is the CPU the bench JVM used in the measured window, in cores.
     */
    record Result(long requests, long sent, double seconds, long[] latencies, double clientCores) {

        double perSecond() {
            return requests / seconds;
        }

        double p50Ms() {
            return percentile(0.50);
        }

        double p99Ms() {
            return percentile(0.99);
        }

        double percentile(double p) {
            int index = (int) Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1);
            return latencies[Math.max(0, index)] / 1e6;
        }

        /** Two runs of the same thing as one (the halves of an ABBA sequence). */
        Result plus(Result other) {
            long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
            Arrays.sort(all);
            return new Result(requests + other.requests, sent + other.sent, seconds + other.seconds, all,
                    (clientCores * seconds + other.clientCores * other.seconds) / (seconds + other.seconds));
        }
    }

    private Load() {
    }

    /**
     * Runs {@code connections} loops for {@code warmup} and then {@code measured}; every answer
     * must be 200 (a failed request fails the benchmark: a fast error is no figure).
     */
    static Result run(Supplier<HttpRequest> request, int connections, Duration warmup, Duration measured)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            return measure(request, connections, warmup, measured, pool);
        } finally {
            // Also when a loop failed: its threads must not keep the benchmark's JVM alive.
            pool.shutdownNow();
        }
    }

    private static Result measure(Supplier<HttpRequest> request, int connections, Duration warmup,
            Duration measured, ExecutorService pool) throws Exception {
        long start = System.nanoTime();
        long from = start + warmup.toNanos();
        long until = from + measured.toNanos();
        AtomicLong sent = new AtomicLong();
        List<Future<long[]>> loops = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            loops.add(pool.submit(() -> loop(request, from, until, sent)));
        }
        // CPU of this JVM across the measured window: if it nears the machine's cores, the
        // generator, not the server, is what the figure measures.
        sleepUntil(from);
        long cpuFrom = processCpuNanos();
        sleepUntil(until);
        long cpuUntil = processCpuNanos();
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> loop : loops) {
            parts.add(loop.get());
        }
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        SyncIngest.check(all.length > 0, "load run recorded no requests");
        double seconds = measured.toNanos() / 1e9;
        return new Result(all.length, sent.get(), seconds, all, (cpuUntil - cpuFrom) / 1e9 / seconds);
    }

    private static long[] loop(Supplier<HttpRequest> request, long from, long until, AtomicLong all)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long[] latencies = new long[1024];
        int count = 0;
        while (true) {
            long sent = System.nanoTime();
            if (sent >= until) {
                break;
            }
            HttpResponse<byte[]> response = client.send(request.get(), HttpResponse.BodyHandlers.ofByteArray());
            long answered = System.nanoTime();
            all.incrementAndGet();
            SyncIngest.check(response.statusCode() == 200, "load request " + response.request().uri()
                    + " answered " + response.statusCode() + ": " + new String(response.body()));
            // Only requests wholly inside the measured window count, so the rate is exact.
            if (sent >= from && answered <= until) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = answered - sent;
            }
        }
        return Arrays.copyOf(latencies, count);
    }

    /** CPU seconds (user + system) another process has used so far, from /proc (Linux); 0 elsewhere. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime, fields 14 and 15 of stat(5), counted from the state field (3) here
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU seconds another process's JIT compiler threads have used so far (HotSpot names them
     * "C1 CompilerThreadN" and "C2 CompilerThreadN"), from /proc (Linux); 0 elsewhere. On bigger
     * machines HotSpot may stop idle compiler threads, and their time leaves with them, so a
     * reading can fall there; on two cores there is one of each, and they stay.
     */
    static double jitSeconds(long pid) {
        try (Stream<Path> threads = Files.list(
                Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.mapToDouble(Load::compilerThreadSeconds).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double compilerThreadSeconds(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended while being read
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
