package cn.dzn.platform.mongo;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Keyset pages over the in-memory MongoDB-wire server, with string and with ObjectId ids. */
class KeysetPagerTest {

    static MongoServer server;
    static MongoClient client;
    static MongoDatabase database;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        database = client.getDatabase("pager");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    static MongoCollection<Document> collectionOf(String... ids) {
        MongoCollection<Document> docs = database.getCollection("docs-" + UUID.randomUUID());
        for (String id : ids) {
            docs.insertOne(new Document("_id", id));
        }
        return docs;
    }

    static Page<Document> page(MongoCollection<Document> docs, Bson filter, int limit, String after) {
        return KeysetPager.page(docs, filter, PageRequest.of(limit, after), doc -> doc.getString("_id"));
    }

    static List<String> ids(Page<Document> page) {
        return page.items().stream().map(doc -> String.valueOf(doc.get("_id"))).toList();
    }

    @Test
    void pagesFollowIdOrderAndTheLastHasNoNext() {
        MongoCollection<Document> docs = collectionOf("e", "b", "g", "a", "d", "c", "f");

        Page<Document> first = page(docs, empty(), 3, null);
        assertThat(ids(first)).containsExactly("a", "b", "c");
        assertThat(first.next()).isEqualTo(PageRequest.cursorAfter("c"));
        Page<Document> second = page(docs, empty(), 3, first.next());
        assertThat(ids(second)).containsExactly("d", "e", "f");
        Page<Document> last = page(docs, empty(), 3, second.next());
        assertThat(ids(last)).containsExactly("g");
        assertThat(last.next()).isNull();
    }

    @Test
    void aFullLastPageHasNoNextEither() {
        MongoCollection<Document> docs = collectionOf("a", "b", "c", "d");
        Page<Document> first = page(docs, empty(), 2, null);
        Page<Document> second = page(docs, empty(), 2, first.next());
        assertThat(ids(second)).containsExactly("c", "d");
        assertThat(second.next()).isNull();
        assertThat(page(docs, empty(), 4, null).next()).isNull();
        assertThat(ids(page(collectionOf(), empty(), 4, null))).isEmpty();
    }

    @Test
    void theFilterIsRespectedOnEveryPage() {
        MongoCollection<Document> docs = database.getCollection("filtered-" + UUID.randomUUID());
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = String.format("r%02d", i);
            docs.insertOne(new Document("_id", id).append("kind", i % 3 == 0 ? "keep" : "skip"));
            if (i % 3 == 0) {
                kept.add(id);
            }
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Document> page = page(docs, eq("kind", "keep"), 2, cursor);
            assertThat(page.items()).allMatch(doc -> doc.getString("kind").equals("keep"));
            seen.addAll(ids(page));
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(kept);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void aCursorContinuesExactlyAfterItsPageWhateverIsWrittenMeanwhile() {
        MongoCollection<Document> docs = collectionOf("b", "d", "f", "h");
        Page<Document> first = page(docs, empty(), 2, null);
        assertThat(ids(first)).containsExactly("b", "d");

        docs.insertOne(new Document("_id", "a"));
        docs.insertOne(new Document("_id", "c"));
        docs.insertOne(new Document("_id", "e"));
        docs.deleteOne(eq("_id", "d"));

        Page<Document> second = page(docs, empty(), 2, first.next());
        assertThat(ids(second)).containsExactly("e", "f");
        assertThat(ids(page(docs, empty(), 10, PageRequest.cursorAfter("d")))).containsExactly("e", "f", "h");
    }

    @Test
    void objectIdsPageThroughTheirHexCursor() {
        MongoCollection<Document> docs = database.getCollection("oids-" + UUID.randomUUID());
        List<ObjectId> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ObjectId id = new ObjectId();
            all.add(id);
            docs.insertOne(new Document("_id", id).append("n", i));
        }
        all.sort(Comparator.naturalOrder());
        List<ObjectId> seen = new ArrayList<>();
        String cursor = null;
        List<Integer> sizes = new ArrayList<>();
        do {
            Page<Document> page = KeysetPager.page(seek -> docs.find(seek), empty(), PageRequest.of(3, cursor),
                    doc -> doc.getObjectId("_id").toHexString(), ObjectId::new);
            page.items().forEach(doc -> seen.add(doc.getObjectId("_id")));
            sizes.add(page.items().size());
            if (page.next() != null) {
                assertThat(page.next()).isEqualTo(PageRequest.cursorAfter(seen.get(seen.size() - 1).toHexString()));
            }
            cursor = page.next();
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(all);
        assertThat(sizes).containsExactly(3, 3, 1);
    }
}
