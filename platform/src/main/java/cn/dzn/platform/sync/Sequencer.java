package cn.dzn.platform.sync;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.BsonDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * Puts a collection's changes in order. Writers mark a record {@code pending}; the sequencer
 * (one per collection at a time, by lease) gives pending records the next sequence numbers and,
 * only once those writes are acknowledged, raises the collection's watermark. Readers serve only
 * up to the watermark, so no reader can pass a number that is still being written. See docs/sync.md.
 */
public class Sequencer implements AutoCloseable {

    static final String SEQ = "seq";
    static final String PENDING = "pending";
    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);
    private static final int BATCH = 1000;
    private static final Duration LEASE = Duration.ofSeconds(10);

    private final MongoCollection<BsonDocument> records;
    private final MongoCollection<Document> state;
    private final AuditTrail audit;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final ScheduledExecutorService worker;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private Long next;

    public Sequencer(MongoDatabase database, String collection, AuditTrail audit, Clock clock) {
        this.records = database.getCollection(collection, BsonDocument.class);
        this.state = database.getCollection("sequencer");
        this.audit = audit;
        this.clock = clock;
        records.createIndex(Indexes.ascending(SEQ), new IndexOptions().unique(true).sparse(true));
        records.createIndex(Indexes.ascending(PENDING));
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sequencer-" + collection);
            thread.setDaemon(true);
            return thread;
        });
        worker.scheduleWithFixedDelay(this::runSafely, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Wakes the sequencer now; many nudges before it runs coalesce into one run. */
    public void nudge() {
        if (nudged.compareAndSet(false, true)) {
            worker.execute(() -> {
                nudged.set(false);
                runSafely();
            });
        }
    }

    /** The highest sequence number below which every change is written and visible. */
    public long watermark() {
        Document doc = state.find(eq("_id", records.getNamespace().getCollectionName())).first();
        return doc == null || doc.get("watermark") == null ? 0L : doc.getLong("watermark");
    }

    /** Sequences everything pending now, in this thread; for tests and shutdown. */
    public synchronized void drain() {
        while (holdLease() && sequenceOneBatch()) {
            // keep going until nothing is pending
        }
    }

    private void runSafely() {
        try {
            drain();
        } catch (RuntimeException e) {
            next = null;
            log.warn("sequencing {} failed, will retry: {}", records.getNamespace(), e.toString());
        }
    }

    /** One batch: numbers, then the audit copy, then the watermark. False when nothing was pending. */
    private boolean sequenceOneBatch() {
        List<BsonDocument> pending = records.find(eq(PENDING, true)).limit(BATCH).into(new ArrayList<>());
        if (pending.isEmpty()) {
            return false;
        }
        if (next == null) {
            BsonDocument last = records.find(exists(SEQ)).sort(Sorts.descending(SEQ)).limit(1).first();
            next = last == null ? 1L : last.getInt64(SEQ).getValue() + 1;
        }
        List<WriteModel<BsonDocument>> writes = new ArrayList<>(pending.size());
        for (BsonDocument record : pending) {
            writes.add(new UpdateOneModel<>(
                    and(eq("_id", record.get("_id")), eq("version", record.get("version")), eq(PENDING, true)),
                    Updates.combine(Updates.set(SEQ, next++), Updates.unset(PENDING))));
        }
        try {
            records.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // Another sequencer took numbers we meant to use: start again from the stored maximum.
            next = null;
            throw e;
        }
        audit.copyLastWrites(records.getNamespace().getCollectionName(), pending);
        state.updateOne(eq("_id", records.getNamespace().getCollectionName()), Updates.max("watermark", next - 1),
                new UpdateOptions().upsert(true));
        return true;
    }

    private boolean holdLease() {
        long now = clock.millis();
        try {
            Document lease = state.findOneAndUpdate(
                    and(eq("_id", records.getNamespace().getCollectionName() + ":lease"),
                            or(eq("owner", owner), lt("leaseUntil", now), exists("owner", false))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("leaseUntil", now + LEASE.toMillis())),
                    new FindOneAndUpdateOptions().upsert(true));
            if (lease == null || !owner.equals(lease.getString("owner"))) {
                next = null; // the lease is new to us: someone else may have numbered meanwhile
            }
            return true;
        } catch (MongoException e) {
            if (e.getCode() == 11000) {
                return false; // another replica holds the lease
            }
            throw e;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
