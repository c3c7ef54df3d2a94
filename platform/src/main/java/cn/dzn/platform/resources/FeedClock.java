package cn.dzn.platform.resources;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Hands out change-feed sequence numbers for one collection and says how far readers may read
 * (docs/sync.md). A writer takes its block and, in the same update, registers itself as in
 * flight with a floor below the block; it writes, then clears the registration. Readers stop at
 * the lowest floor in flight, so none passes a number still being written.
 */
public class FeedClock {

    static final String SEQ = "seq";
    // Time a writer keeps in hand to notice, before readers do, that it outlived its lease.
    private static final Duration MARGIN = Duration.ofSeconds(3);

    private final MongoCollection<Document> counters;
    private final String collection;
    private final Clock clock;
    private final Duration lease;
    private final AtomicLong seen = new AtomicLong();

    public FeedClock(MongoDatabase database, String collection, Clock clock, Duration lease) {
        this.counters = database.getCollection("feed");
        this.collection = collection;
        this.clock = clock;
        this.lease = lease;
        // For a real MongoDB's feed reads; blocks never overlap, so uniqueness needs no index.
        database.getCollection(collection).createIndex(Indexes.ascending(SEQ));
        seen.set(last(counters.find(eq("_id", collection)).first()));
    }

    /** Numbers [first, first + size), held in flight under {@code token} until released. */
    public record Block(String token, long first, int size, long takenAtNanos) {
    }

    /**
     * One update takes the block and registers it in flight. The floor it registers is the
     * highest number this clock saw handed out: at or below the counter's true value (which only
     * grows), so at or below the block; a floor a little low only holds readers back a moment.
     */
    public Block take(int size) {
        String token = UUID.randomUUID().toString();
        Document inFlight = new Document("floor", seen.get()).append("until", clock.millis() + lease.toMillis());
        Document before;
        try {
            before = takeAndRegister(size, token, inFlight);
        } catch (MongoException e) {
            if (e.getCode() != 11000) {
                throw e;
            }
            // Two first writers raced to create the counter; the other one's is there now.
            before = takeAndRegister(size, token, inFlight);
        }
        long first = last(before) + 1;
        seen.accumulateAndGet(first + size - 1, Math::max);
        return new Block(token, first, size, System.nanoTime());
    }

    private Document takeAndRegister(int size, String token, Document inFlight) {
        return counters.findOneAndUpdate(eq("_id", collection),
                Updates.combine(Updates.inc("last", (long) size), Updates.set("inflight." + token, inFlight)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
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
        seen.accumulateAndGet(limit, Math::max);
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
