package cn.dzn.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-memory MongoDB-wire server per test JVM, reached over TCP by the real driver exactly as
 * a service reaches MongoDB. Every service uses its own database, so contexts do not collide.
 */
public final class EmbeddedMongo {

    private static MongoServer server;

    private EmbeddedMongo() {
    }

    public static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-stop"));
        }
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }
}
