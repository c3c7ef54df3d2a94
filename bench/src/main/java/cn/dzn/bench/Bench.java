package cn.dzn.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import cn.dzn.launcher.Suite;
import cn.dzn.launcher.SuiteConfig;

/**
 * {@code mvn -Pbench -DskipTests verify [-Dbench.args=--quick]}: starts the whole suite on the
 * embedded default (fresh data, its own ports), measures every figure against a baseline taken
 * in the same run, prints the table and writes docs/performance.md. A broken correctness check
 * fails the run.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        try {
            // -Dbench.args reaches here as one argument (bench/pom.xml), so "--only=paging --paging=N"
            // must be split, or --only reads "paging --paging=N", matches no figure and measures nothing.
            run(Stream.of(args).flatMap(arg -> Stream.of(arg.trim().split("\\s+"))).filter(arg -> !arg.isEmpty())
                    .toArray(String[]::new));
        } catch (Exception | AssertionError e) {
            // A failed check must end the run: load threads still parked must not keep it alive.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        // --only=gateway,sync,... runs some figures (for working on one); it never writes the file.
        String only = List.of(args).stream().filter(a -> a.startsWith("--only=")).map(a -> a.substring(7))
                .findFirst().orElse(null);
        // --paging=N: the large paging count; by default the 1,000,000 (the embedded store
        // seeks on _id since IdSeekingCollection; before, a page there ran it out of heap).
        int large = List.of(args).stream().filter(a -> a.startsWith("--paging=")).map(a -> Integer.parseInt(a.substring(9)))
                .findFirst().orElse(quick ? 20_000 : 1_000_000);
        Path home = SuiteConfig.findHome(Path.of(""));
        Path data = Files.createTempDirectory("dzn-bench");
        List<Figure> figures = new ArrayList<>();
        try (Suite suite = new Suite(config(home, data)).start()) {
            Api api = Api.of(suite);
            Footprint footprint = new Footprint(suite);
            footprint.afterStart();
            MongoClient store = MongoClients.create(suite.config().mongoUri());
            Paging paging = new Paging(api, store.getDatabase("dzn_zone").getCollection("zones"),
                    quick ? 2_000 : 10_000, large);
            if (wanted(only, "gateway")) {
                figures.addAll(new GatewayOverhead(api, quick).run());
            }
            if (wanted(only, "overview")) {
                figures.addAll(new OverviewFanOut(api, quick).run());
            }
            if (wanted(only, "contention")) {
                figures.addAll(new Contention(api, quick).run());
            }
            if (wanted(only, "money")) {
                figures.addAll(new MoneyRace(api, quick).run());
            }
            if (wanted(only, "relay")) {
                figures.addAll(new RelayFigure(suite, quick).run());
            }
            if (wanted(only, "paging")) {
                paging.atSmall();
            }
            if (wanted(only, "sync")) {
                figures.add(new SyncIngest(suite, quick ? 10_000 : 100_000).run());
            }
            if (wanted(only, "paging")) {
                figures.add(paging.atLarge());
            }
            store.close();
            if (wanted(only, "footprint")) {
                figures.addAll(footprint.afterLoad(!quick));
            }
        } finally {
            keepLogs(data.resolve("logs"), home.resolve("bench/target/logs"));
            delete(data);
        }
        Report report = new Report(figures, quick, String.join(" ", args));
        System.out.println(report.table());
        if (!quick && only == null) {
            Files.writeString(home.resolve("docs/performance.md"), report.markdown());
            System.out.println("written to docs/performance.md");
        }
    }

    private static boolean wanted(String only, String figure) {
        return only == null || List.of(only.split(",")).contains(figure);
    }

    private static SuiteConfig config(Path home, Path data) throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : SuiteConfig.SERVICES) {
            ports.put(service, freePort());
        }
        // The benchmark's one client sends thousands of requests a second: its rate limit is raised
        // out of reach, so the limiter still runs on every request but never refuses one.
        List<String> jvm = new ArrayList<>(SuiteConfig.defaultJvmOptions());
        jvm.add("-Ddzn.rate-limits.clients.burst=1000000");
        jvm.add("-Ddzn.rate-limits.clients.refill-every=1us");
        return new SuiteConfig(home, data, freePort(), freePort(), ports, freePort(), null, false, jvm);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The suite's logs outlive its temporary data directory, for a look after a failed run. */
    private static void keepLogs(Path logs, Path kept) throws IOException {
        if (Files.isDirectory(logs)) {
            Files.createDirectories(kept);
            try (Stream<Path> files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.copy(file, kept.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
