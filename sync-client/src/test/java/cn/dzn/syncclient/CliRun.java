package cn.dzn.syncclient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the command line as a bureau would, with retries fast enough for a test. */
record CliRun(int exit, String output) {

    static final String KEY = "city-key-440100";

    /** {@code options} are {@code --flag value} pairs; they override the defaults of the same name. */
    static CliRun of(String command, String gateway, String... options) {
        Map<String, String> flags = new LinkedHashMap<>(Map.of("--gateway", gateway, "--key", KEY, "--resource", "zones",
                "--attempts", "4", "--backoff-ms", "1", "--max-backoff-ms", "5", "--timeout-ms", "2000"));
        for (int i = 0; i + 1 < options.length; i += 2) {
            flags.put(options[i], options[i + 1]);
        }
        List<String> args = new ArrayList<>(List.of(command));
        flags.forEach((flag, value) -> args.addAll(List.of(flag, value)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = SyncClient.run(args.toArray(String[]::new), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new CliRun(exit, bytes.toString(StandardCharsets.UTF_8));
    }
}
