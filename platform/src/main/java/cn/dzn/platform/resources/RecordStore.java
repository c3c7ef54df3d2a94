package cn.dzn.platform.resources;

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
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.mongo.KeysetPager;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * One declared resource's records: reads in the caller's view, reads for the service's own
 * features (live records only: a tombstone is never counted), the write path, sync batches, the
 * change feed and the audit trail. Built by {@link ResourceKit}; the HTTP surface over it is
 * {@link ResourceEndpoints}.
 */
public class RecordStore<I, V> {

    private final ResourceDeclaration<I, V> declaration;
    private final MongoCollection<BsonDocument> raw;
    private final Codec<V> view;
    private final Codec<I> input;
    private final RecordWriter<I> writer;
    private final FeedClock feed;
    private final SyncBatches batches;
    private final AuditTrail audit;
    private final Clock clock;

    private volatile boolean adopted;

    RecordStore(ResourceDeclaration<I, V> declaration, MongoCollection<BsonDocument> raw, FeedClock feed,
            AuditTrail audit, SyncBatches batches, Clock clock) {
        this.declaration = declaration;
        this.raw = raw;
        this.view = raw.getCodecRegistry().get(declaration.viewType());
        this.input = raw.getCodecRegistry().get(declaration.inputType());
        this.feed = feed;
        this.audit = audit;
        this.batches = batches;
        this.clock = clock;
        this.writer = new RecordWriter<>(new RecordDecisions<>(declaration, raw.getCodecRegistry()), raw, feed, audit);
        raw.createIndex(Indexes.ascending("regionCode"));
    }

    public ResourceDeclaration<I, V> declaration() {
        return declaration;
    }

    public Optional<V> find(Caller caller, String id) {
        return Optional.ofNullable(stored(caller, id)).map(this::decode);
    }

    public V get(Caller caller, String id) {
        return find(caller, id).orElseThrow(() -> notFound(id));
    }

    /** A keyset page in id order of the live records the caller sees, narrowed by {@code filter}. */
    public Page<V> page(Caller caller, Bson filter, PageRequest request) {
        Page<BsonDocument> page = KeysetPager.page(raw, and(live(caller), filter), request,
                doc -> doc.getString("_id").getValue());
        return new Page<>(page.items().stream().map(this::decode).toList(), page.next());
    }

    /** A live record whoever asks: for the service's own checks, never for an answer to a caller. */
    public Optional<V> lookup(String id) {
        return Optional.ofNullable(raw.find(and(eq("_id", id), ne("deleted", true))).first()).map(this::decode);
    }

    /** Every live record matching {@code filter}, whoever asks: for the service's own roll-ups. */
    public List<V> liveRecords(Bson filter) {
        return raw.find(and(ne("deleted", true), filter)).map(this::decode).into(new ArrayList<>());
    }

    /** How many live records match {@code filter}. */
    public long count(Bson filter) {
        return raw.countDocuments(and(ne("deleted", true), filter));
    }

    /** The version of a live record the caller can see, or 404. */
    public long versionOf(Caller caller, String id) {
        BsonDocument doc = stored(caller, id);
        if (doc == null) {
            throw notFound(id);
        }
        return RecordDecisions.versionOf(doc);
    }

    /** The sum of the whole-number {@code field} over the live records matching {@code filter}. */
    public long sum(String field, Bson filter) {
        BsonDocument total = raw.aggregate(List.of(Aggregates.match(and(ne("deleted", true), filter)),
                Aggregates.group(null, Accumulators.sum("total", "$" + field)))).first();
        return total == null ? 0 : total.get("total").asNumber().longValue();
    }

    /**
     * Candidates through the write path under {@code context}, one result each: the engine's
     * entry for sync batches and API writes, public for tests that replay a crashed request.
     */
    public List<RecordResult> write(WriteContext context, List<Candidate<I>> candidates) {
        return writer.write(context, candidates);
    }

    public SyncAnswer sync(Caller caller, String idempotencyKey, byte[] body) {
        // A read-only client is refused as a whole, as it is on POST and PUT, not record by record.
        if (!caller.has(Role.WRITE) && !caller.has(Role.RELAY)) {
            throw Problems.forbidden("the client " + caller.clientId() + " may only read");
        }
        return batches.run(this, caller, idempotencyKey, body);
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
                declaration.visibleTo(caller))).sort(Sorts.ascending(FeedClock.SEQ)).limit(request.limit())
                .into(new ArrayList<>());
        List<Change<V>> items = docs.stream().map(doc -> new Change<>(cursor(doc.getInt64(FeedClock.SEQ).getValue()),
                doc.getString("_id").getValue(), RecordDecisions.versionOf(doc),
                doc.getBoolean("deleted").getValue(), decode(doc), Origin.of(doc))).toList();
        long next = docs.size() == request.limit() ? docs.get(docs.size() - 1).getInt64(FeedClock.SEQ).getValue()
                : Math.max(after, watermark);
        return new Change.Page<>(items, cursor(next));
    }

    public Page<Document> audit(Caller caller, PageRequest request) {
        caller.requireAdmin();
        return audit.page(declaration.collection(), request);
    }

    /**
     * One record through the write path as {@code caller}, for a service's own feature (an
     * approval writing the incubator it approves): in the change feed and the audit like any
     * write; the result says what happened, whatever it is.
     */
    public RecordResult writeOne(Caller caller, String id, Long version, I input) {
        return write(WriteContext.api(caller, clock.instant()), List.of(Candidate.upsert(id, version, input))).get(0);
    }

    /** The live record the caller sees as stored, or null. */
    BsonDocument stored(Caller caller, String id) {
        return raw.find(and(eq("_id", id), live(caller))).first();
    }

    I inputOf(BsonDocument stored) {
        return input.decode(new BsonDocumentReader(stored), DecoderContext.builder().build());
    }

    V decode(BsonDocument doc) {
        return view.decode(new BsonDocumentReader(doc), DecoderContext.builder().build());
    }

    Clock clock() {
        return clock;
    }

    RuntimeException notFound(String id) {
        return Problems.notFound(declaration.collection() + " " + id);
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

    private Bson live(Caller caller) {
        return and(declaration.visibleTo(caller), ne("deleted", true));
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
