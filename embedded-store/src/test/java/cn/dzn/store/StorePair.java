package cn.dzn.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The store under test (a CommittingH2Backend on a file) beside the library's own backend in
 * memory, both holding the same documents in {@code dzn_zone.zones}, reached through the real
 * driver: every answer of the one is checked against the other's, and a counter of documents the
 * store's seek read tells a seek from a scan.
 */
final class StorePair implements AutoCloseable {

    /** An answer's size, and how many documents the seek read for it. */
    record Compared(int size, long read) {
    }

    private final Path file;
    private final MongoServer library;
    private final MongoClient libraryClient;
    private final MongoCollection<Document> reference;
    private CommittingH2Backend backend;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> store;

    StorePair(Path dir) {
        this.file = dir.resolve("store.mv");
        open();
        library = new MongoServer(H2Backend.inMemory());
        libraryClient = MongoClients.create("mongodb://127.0.0.1:" + library.bind().getPort());
        reference = libraryClient.getDatabase("dzn_zone").getCollection("zones");
    }

    MongoCollection<Document> store() {
        return store;
    }

    MongoCollection<Document> reference() {
        return reference;
    }

    /** Stops the store and opens it again from its file. */
    void reopen() {
        closeStore();
        open();
    }

    /** The same write on both sides. */
    void onBoth(Consumer<MongoCollection<Document>> write) {
        write.accept(store);
        write.accept(reference);
    }

    /** Inserts {@code documents} on both sides, shuffled by {@code seed}, in batches of 1,000. */
    void insert(List<Document> documents, long seed) {
        List<Document> shuffled = new ArrayList<>(documents);
        Collections.shuffle(shuffled, new Random(seed));
        for (int from = 0; from < shuffled.size(); from += 1000) {
            List<Document> batch = shuffled.subList(from, Math.min(shuffled.size(), from + 1000));
            store.insertMany(batch.stream().map(Document::new).toList());
            reference.insertMany(batch.stream().map(Document::new).toList());
        }
    }

    /** The store's answer, checked equal to the library's, and the documents the seek read for it. */
    Compared compare(Bson query, Bson sort, int skip, int limit) {
        long before = read();
        List<Document> actual = store.find(query).sort(sort).skip(skip).limit(limit).into(new ArrayList<>());
        long read = read() - before;
        List<Document> expected = reference.find(query).sort(sort).skip(skip).limit(limit).into(new ArrayList<>());
        assertThat(actual).as("%s sort %s skip %d limit %d", query, sort, skip, limit).isEqualTo(expected);
        return new Compared(actual.size(), read);
    }

    /** Documents the store's seek has read since it opened. */
    long read() {
        return ((IdSeekingCollection) backend.resolveDatabase("dzn_zone").resolveCollection("zones", true))
                .documentsRead();
    }

    /** How many documents the store's index on {@code field} holds. */
    long held(String field) {
        return backend.resolveDatabase("dzn_zone").resolveCollection("zones", true).getIndexes().stream()
                .filter(index -> index.getKeys().get(0).getKey().equals(field)).findFirst().orElseThrow().getCount();
    }

    @Override
    public void close() {
        closeStore();
        libraryClient.close();
        library.shutdownNow();
    }

    private void open() {
        backend = new CommittingH2Backend(file.toString());
        server = new MongoServer(backend);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        store = client.getDatabase("dzn_zone").getCollection("zones");
    }

    private void closeStore() {
        client.close();
        server.shutdownNow();
    }
}
