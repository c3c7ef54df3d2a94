package cn.dzn.platform.sync;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Hands out change-feed sequence numbers for one collection and says how far readers may read
 * (docs/sync.md). A writer first registers itself as in flight with a floor (the highest number
 * handed out so far, below its block whatever happens next), then takes its block, writes, and
 * clears the registration. Readers stop at the lowest floor in flight, so none passes a number
 * still being written.
 */
public class FeedClock {

    static final String SEQ = "seq";
    // Time a writer keeps in hand to notice, before readers do, that it outlived its lease.
    private static final Duration MARGIN = Duration.ofSeconds(3);

    private final MongoCollection<Document> counters;
    private final String collection;
    private final Clock clock;
    private final Duration lease;

    public FeedClock(MongoDatabase database, String collection, Clock clock, Duration lease) {
        this.counters = database.getCollection("feed");
        this.collection = collection;
        this.clock = clock;
        this.lease = lease;
        database.getCollection(collection).createIndex(Indexes.ascending(SEQ),
                new IndexOptions().unique(true).sparse(true));
    }

    /** Numbers [first, first + size), held in flight under {@code token} until released. */
    public record Block(String token, long first, int size, long takenAtNanos) {
    }

    public Block take(int size) {
        String token = UUID.randomUUID().toString();
        long floor = last(counters.find(eq("_id", collection)).first());
        counters.updateOne(eq("_id", collection), Updates.set("inflight." + token,
                new Document("floor", floor).append("until", clock.millis() + lease.toMillis())),
                new UpdateOptions().upsert(true));
        Document before = counters.findOneAndUpdate(eq("_id", collection), Updates.inc("last", (long) size),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return new Block(token, last(before) + 1, size, System.nanoTime());
    }

    /**
     * Clears the block. False when its writer took longer than the lease allows: readers may have
     * passed its numbers meanwhile, so the caller gives its records fresh ones.
     */
    public boolean release(Block block) {
        counters.updateOne(eq("_id", collection), Updates.unset("inflight." + block.token()));
        return System.nanoTime() - block.takenAtNanos() < lease.minus(MARGIN).toNanos();
    }

    /** The highest number at or below which every change is written and visible. */
    public long watermark() {
        Document doc = counters.find(eq("_id", collection)).first();
        long limit = last(doc);
        Document inflight = doc == null ? null : doc.get("inflight", Document.class);
        if (inflight != null) {
            long now = clock.millis();
            for (Object value : inflight.values()) {
                Document writer = (Document) value;
                if (writer.getLong("until") > now) {
                    limit = Math.min(limit, writer.getLong("floor"));
                }
            }
        }
        return limit;
    }

    private static long last(Document doc) {
        return doc == null || doc.get("last") == null ? 0L : doc.getLong("last");
    }
}
