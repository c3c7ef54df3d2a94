package cn.dzn.platform.sync;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * Everything about one syncable resource's records: reads in the caller's view, the write path,
 * sync batches and the change feed. Built by {@link Records#store}.
 */
public class RecordStore<I, V> {

    private final SyncResource<I, V> resource;
    private final MongoCollection<BsonDocument> raw;
    private final Codec<V> view;
    private final RecordWriter<I, V> writer;
    private final FeedClock feed;
    private final SyncBatches batches;
    private final AuditTrail audit;
    private final Clock clock;

    private volatile boolean adopted;

    RecordStore(SyncResource<I, V> resource, MongoCollection<BsonDocument> raw, FeedClock feed,
            AuditTrail audit, SyncBatches batches, Clock clock) {
        this.resource = resource;
        this.raw = raw;
        this.view = raw.getCodecRegistry().get(resource.viewType());
        this.feed = feed;
        this.audit = audit;
        this.batches = batches;
        this.clock = clock;
        this.writer = new RecordWriter<>(resource, raw, feed, audit);
        raw.createIndex(Indexes.ascending("regionCode"));
    }

    public SyncResource<I, V> resource() {
        return resource;
    }

    public Optional<V> find(Caller caller, String id) {
        return Optional.ofNullable(raw.find(and(eq("_id", id), live(caller))).first()).map(this::decode);
    }

    public V get(Caller caller, String id) {
        return find(caller, id).orElseThrow(() -> Problems.notFound(resource.collection() + " " + id));
    }

    /** The version of a record the caller can see, or 404. */
    public long versionOf(Caller caller, String id) {
        BsonDocument doc = raw.find(and(eq("_id", id), live(caller))).first();
        if (doc == null) {
            throw Problems.notFound(resource.collection() + " " + id);
        }
        return RecordWriter.versionOf(doc);
    }

    /** A keyset page in id order of the live records the caller sees, narrowed by {@code filter}. */
    public Page<V> page(Caller caller, Bson filter, PageRequest request) {
        Bson seek = request.afterId() == null ? and(live(caller), filter)
                : and(live(caller), filter, gt("_id", request.afterId()));
        List<BsonDocument> docs = raw.find(seek).sort(Sorts.ascending("_id")).limit(request.limit() + 1)
                .into(new ArrayList<>());
        String next = null;
        if (docs.size() > request.limit()) {
            docs.remove(docs.size() - 1);
            next = PageRequest.cursorAfter(docs.get(docs.size() - 1).getString("_id").getValue());
        }
        return new Page<>(docs.stream().map(this::decode).toList(), next);
    }

    public List<RecordResult> write(WriteContext context, List<Candidate<I>> candidates) {
        return writer.write(context, candidates);
    }

    /**
     * One record through the write path with HTTP's answers: 404 when the record is gone, 409
     * for a stale version, 400 with the field errors when rejected. Returns the record as stored
     * now; null after a deletion.
     */
    public V writeOne(WriteContext context, Candidate<I> candidate) {
        RecordResult result = write(context, List.of(candidate)).get(0);
        switch (result.outcome()) {
            case CONFLICT -> throw result.currentVersion() == null
                    ? Problems.notFound(resource.collection() + " " + result.id())
                    : Problems.staleVersion(candidate.version() == null ? 0 : candidate.version(), result.currentVersion());
            case REJECTED -> throw Problems.invalid(result.errors());
            default -> {
            }
        }
        return candidate.delete() ? null : get(context.caller(), candidate.id());
    }

    public SyncAnswer sync(Caller caller, String requestId, String idempotencyKey, byte[] body) {
        // A read-only client is refused as a whole, as it is on POST and PUT, not record by record.
        if (!caller.has(Role.WRITE)) {
            throw Problems.forbidden("the client " + caller.clientId() + " may only read");
        }
        return batches.run(this, caller, requestId, idempotencyKey, body);
    }

    /**
     * Changes after {@code since} in sequence order, never beyond the watermark: everything at
     * or below it is written, so a reader following {@code next} cannot skip a change.
     */
    public Change.Page<V> changes(Caller caller, String since, Integer limit) {
        PageRequest request = PageRequest.of(limit, since);
        long after = request.afterId() == null ? 0 : parseSeq(request.afterId());
        adoptUnnumbered();
        long watermark = feed.watermark();
        List<BsonDocument> docs = raw.find(and(gt(FeedClock.SEQ, after), lte(FeedClock.SEQ, watermark),
                resource.visibleTo(caller))).sort(Sorts.ascending(FeedClock.SEQ)).limit(request.limit())
                .into(new ArrayList<>());
        List<Change<V>> items = docs.stream().map(doc -> new Change<>(cursor(doc.getInt64(FeedClock.SEQ).getValue()),
                doc.getString("_id").getValue(), RecordWriter.versionOf(doc),
                doc.getBoolean("deleted").getValue(), decode(doc))).toList();
        long next = docs.size() == request.limit() ? docs.get(docs.size() - 1).getInt64(FeedClock.SEQ).getValue()
                : Math.max(after, watermark);
        return new Change.Page<>(items, cursor(next));
    }

    public Page<org.bson.Document> audit(Caller caller, PageRequest request) {
        caller.requireAdmin();
        return audit.page(resource.collection(), request);
    }

    /**
     * Numbers records that were stored without going through the write path (the sample data,
     * loaded in bulk at start-up), once, before the feed is first read.
     */
    private void adoptUnnumbered() {
        if (adopted) {
            return;
        }
        synchronized (this) {
            List<BsonDocument> unnumbered = raw.find(exists(FeedClock.SEQ, false)).into(new ArrayList<>());
            if (!unnumbered.isEmpty()) {
                FeedClock.Block block = feed.take(unnumbered.size());
                List<WriteModel<BsonDocument>> updates = new ArrayList<>();
                for (int i = 0; i < unnumbered.size(); i++) {
                    updates.add(new UpdateOneModel<>(and(eq("_id", unnumbered.get(i).get("_id")),
                            exists(FeedClock.SEQ, false)), Updates.set(FeedClock.SEQ, block.first() + i)));
                }
                raw.bulkWrite(updates);
                feed.release(block);
            }
            adopted = true;
        }
    }

    Clock clock() {
        return clock;
    }

    private Bson live(Caller caller) {
        return and(resource.visibleTo(caller), ne("deleted", true));
    }

    private V decode(BsonDocument doc) {
        return view.decode(new BsonDocumentReader(doc), DecoderContext.builder().build());
    }

    private static String cursor(long seq) {
        return PageRequest.cursorAfter(Long.toString(seq));
    }

    private static long parseSeq(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Problems.badRequest("'since' is not a cursor this feed handed out");
        }
    }
}
