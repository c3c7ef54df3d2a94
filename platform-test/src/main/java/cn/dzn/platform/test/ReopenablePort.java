package cn.dzn.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port for a stand-in a test stops and starts again on the same port (a service "down", Redis
 * restarted). A port from the kernel's ephemeral range (32768–60999 on Linux), as
 * {@code new ServerSocket(0)} gives, can be handed meanwhile to any outgoing connection on the
 * machine, and the restart then fails ("Failed to bind to /0.0.0.0:44299", seen in CI); below
 * that range only another listener could take it.
 */
public final class ReopenablePort {

    private ReopenablePort() {
    }

    /** A port between 20000 and 32000 that is free now. */
    public static int pick() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        throw new UncheckedIOException(new IOException("no free port between 20000 and 32000"));
    }
}
