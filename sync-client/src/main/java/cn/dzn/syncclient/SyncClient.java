package cn.dzn.syncclient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reference sync client a city bureau runs against the network's gateway:
 * {@code push} a folder of records, {@code pull} changes since a saved cursor (docs/sync-client.md).
 */
public final class SyncClient {

    static final int EXIT_OK = 0;
    /** A batch or page failed outright (or the input could not be read): nothing more was sent. */
    static final int EXIT_FAILED = 1;
    /** Every batch was answered, but some records came back as conflicts or rejections. */
    static final int EXIT_REFUSED_RECORDS = 2;
    static final int EXIT_USAGE = 64;

    static final String KEY_VARIABLE = "DZN_API_KEY";

    private static final Set<String> COMMON = Set.of("gateway", "key", "resource", "attempts", "backoff-ms",
            "max-backoff-ms", "timeout-ms");

    private static final String USAGE = """
            usage:
              java -jar sync-client.jar push --gateway URL --key KEY --resource zones --dir FOLDER [--batch 1000]
              java -jar sync-client.jar pull --gateway URL --key KEY --resource zones --cursor-file FILE --out FILE.jsonl [--limit 500]
            both also take: --attempts 6 --backoff-ms 200 --max-backoff-ms 10000 --timeout-ms 60000
            the key may come from the environment variable DZN_API_KEY instead of --key
            exit codes: 0 done, 1 failed (run again to resume), 2 done with conflicts or rejections, 64 usage""";

    private SyncClient() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
            out.println(USAGE);
            return args.length == 0 ? EXIT_USAGE : EXIT_OK;
        }
        try {
            return switch (args[0]) {
                case "push" -> push(new Options(args, 1, with("dir", "batch")), out);
                case "pull" -> pull(new Options(args, 1, with("cursor-file", "out", "limit")), out);
                default -> throw new Options.Usage("unknown command " + args[0]);
            };
        } catch (Options.Usage e) {
            out.println("error: " + e.getMessage());
            out.println(USAGE);
            return EXIT_USAGE;
        } catch (RecordFolder.Invalid e) {
            out.println("FAILED before sending anything: " + e.getMessage());
            return EXIT_FAILED;
        } catch (IOException e) {
            out.println("FAILED: " + e);
            return EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("FAILED: interrupted");
            return EXIT_FAILED;
        }
    }

    private static int push(Options options, PrintStream out)
            throws Options.Usage, IOException, RecordFolder.Invalid, InterruptedException {
        Push push = new Push(gateway(options), apiKey(options), resource(options), http(options, out), out);
        int batch = options.integer("batch", 1000, 1, 1000);
        List<RecordFolder.Entry> entries = RecordFolder.read(Path.of(options.required("dir")));
        if (entries.isEmpty()) {
            out.println("push: no records in " + options.required("dir") + " (*.json); nothing sent");
            return EXIT_OK;
        }
        return push.run(entries, batch);
    }

    private static int pull(Options options, PrintStream out) throws Options.Usage, IOException, InterruptedException {
        Pull pull = new Pull(gateway(options), apiKey(options), resource(options), http(options, out), out);
        return pull.run(Path.of(options.required("cursor-file")), Path.of(options.required("out")),
                options.integer("limit", 500, 1, 500));
    }

    private static RetryingHttp http(Options options, PrintStream out) throws Options.Usage {
        int firstBackoff = options.integer("backoff-ms", 200, 0, 600_000);
        RetryPolicy policy;
        try {
            policy = new RetryPolicy(options.integer("attempts", 6, 1, 100), Duration.ofMillis(firstBackoff),
                    Duration.ofMillis(options.integer("max-backoff-ms", Math.max(10_000, firstBackoff), 0, 3_600_000)),
                    Duration.ofMillis(options.integer("timeout-ms", 60_000, 1, 3_600_000)));
        } catch (IllegalArgumentException e) {
            throw new Options.Usage(e.getMessage());
        }
        return new RetryingHttp(policy, out);
    }

    /** The gateway's base URL without a trailing slash, so a path prefix (https://host/dzn) is kept. */
    private static String gateway(Options options) throws Options.Usage {
        String url = options.required("gateway").strip().replaceAll("/+$", "");
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new Options.Usage("--gateway must be an http(s) URL such as http://localhost:8080, not " + url);
    }

    /** From --key or the environment: a key on the command line shows in the process list and shell history. */
    private static String apiKey(Options options) throws Options.Usage {
        String key = options.optional("key");
        if (key == null) {
            key = System.getenv(KEY_VARIABLE);
        }
        if (key == null || key.isBlank()) {
            throw new Options.Usage("--key (or the environment variable " + KEY_VARIABLE + ") is required");
        }
        return key.strip();
    }

    private static String resource(Options options) throws Options.Usage {
        String resource = options.required("resource");
        if (!resource.matches("[a-z][a-z0-9-]{0,63}")) {
            throw new Options.Usage("--resource is a collection name such as zones, not " + resource);
        }
        return resource;
    }

    private static Set<String> with(String... flags) {
        Set<String> known = new HashSet<>(COMMON);
        known.addAll(List.of(flags));
        return known;
    }
}
