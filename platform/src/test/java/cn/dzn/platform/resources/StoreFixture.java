package cn.dzn.platform.resources;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.bson.BsonDocument;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.Things.Thing;
import cn.dzn.platform.resources.Things.ThingView;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jakarta.validation.Validation;
import tools.jackson.databind.json.JsonMapper;

/**
 * A things store built the way {@link ResourceSetup} builds one, over a fresh database of the
 * in-memory MongoDB-wire server, reached through the real driver (default codecs: records).
 */
final class StoreFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2025-06-07T08:09:10Z");

    final MongoServer server = new MongoServer(new MemoryBackend());
    final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    final MongoDatabase database = client.getDatabase("things-" + UUID.randomUUID());
    final ResourceKit kit = new ResourceKit(database, new AuditTrail(database, JsonMapper.builder().build()),
            new RecordBinder(JsonMapper.builder().build(), Validation.buildDefaultValidatorFactory().getValidator()),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30));
    final RecordStore<Thing, ThingView> store = kit.store(new Things("things"));

    MongoCollection<BsonDocument> raw() {
        return database.getCollection("things", BsonDocument.class);
    }

    static WriteContext api(Caller caller) {
        return new WriteContext(caller, "req-" + UUID.randomUUID(), NOW, null, new ObjectId());
    }

    static Candidate<Thing> thing(int index, String id, Long version, String name, String region) {
        return new Candidate<>(index, id, version, false, new Thing(name, region), List.of());
    }

    static Candidate<Thing> deletion(int index, String id, long version) {
        return new Candidate<>(index, id, version, true, null, List.of());
    }

    /** {@code count} new things in district 440103, ids {@code prefix-0} on. */
    static List<Candidate<Thing>> news(String prefix, int count) {
        List<Candidate<Thing>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(thing(i, prefix + "-" + i, null, "thing " + prefix + i, "440103"));
        }
        return batch;
    }

    /** The feed number a change-feed cursor stands for. */
    static long seqOf(String cursor) {
        return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
    }

    /** The whole feed the caller sees from the start, page by page. */
    List<Change<ThingView>> feed(Caller caller, int pageSize) {
        List<Change<ThingView>> all = new ArrayList<>();
        String cursor = null;
        while (true) {
            Change.Page<ThingView> page = store.changes(caller, cursor, pageSize);
            all.addAll(page.items());
            if (page.items().isEmpty()) {
                return all;
            }
            cursor = page.next();
        }
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
