package cn.dzn.store;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded MongoDB-wire server, run as a process of its own so that it can crash (and be
 * tested crashing) independently of the services: {@code EmbeddedStore <port> <file>}.
 */
public final class EmbeddedStore {

    private EmbeddedStore() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        MongoServer server = new MongoServer(new CommittingH2Backend(file.toString()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "store-shutdown"));
        server.bind("127.0.0.1", port);
        System.out.println("embedded store listening on 127.0.0.1:" + port + ", file " + file);
        Thread.currentThread().join();
    }
}
