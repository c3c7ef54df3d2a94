package cn.dzn.platform.sync;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Role;

/**
 * The one write path of a resource, for the API and for sync alike: decides each record's
 * outcome against what is stored, then writes all of them in one unordered bulk write whose every
 * operation is conditional on the version it decided on (docs/sync.md).
 */
class RecordWriter<I, V> {

    static final Set<String> SYSTEM_FIELDS = Set.of("_id", "version", "createdAt", "updatedAt", "deleted",
            "pending", FeedClock.SEQ, AuditTrail.LAST_WRITE, "sample");

    private final SyncResource<I, V> resource;
    private final MongoCollection<BsonDocument> records;
    private final CodecRegistry codecs;
    private final FeedClock feed;
    private final AuditTrail audit;

    RecordWriter(SyncResource<I, V> resource, MongoCollection<BsonDocument> records, FeedClock feed,
            AuditTrail audit) {
        this.resource = resource;
        this.records = records;
        this.codecs = records.getCodecRegistry();
        this.feed = feed;
        this.audit = audit;
    }

    private record Planned(int slot, Candidate<?> candidate, WriteModel<BsonDocument> write, BsonDocument document,
            Outcome outcome, long version) {
    }

    /**
     * Records that name no version are most likely new: they are inserted straight away, and
     * only those that turn out to exist (a duplicate key) are read and decided like the rest —
     * which saves a read of every record in the common case of a city sending new records.
     */
    List<RecordResult> write(WriteContext context, List<Candidate<I>> candidates) {
        RecordResult[] results = new RecordResult[candidates.size()];
        List<Planned> creates = new ArrayList<>();
        List<Integer> toDecide = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int slot = 0; slot < candidates.size(); slot++) {
            Candidate<I> candidate = candidates.get(slot);
            if (candidate.id() != null && !seen.add(candidate.id())) {
                results[slot] = RecordResult.rejected(candidate.index(), candidate.id(),
                        List.of(new FieldError("id", "appears more than once in this batch")));
            } else if (candidate.version() == null && !candidate.delete() && screen(context, candidate) == null) {
                results[slot] = plan(creates, slot, candidate, context, encode(candidate.input()), null, Outcome.CREATED);
            } else {
                toDecide.add(slot);
            }
        }
        toDecide.addAll(execute(creates));
        Map<String, BsonDocument> stored = load(toDecide.stream().map(candidates::get).toList());
        List<Planned> plan = new ArrayList<>();
        for (int slot : toDecide) {
            Candidate<I> candidate = candidates.get(slot);
            results[slot] = decide(context, slot, candidate, stored.get(candidate.id()), plan);
        }
        for (int slot : execute(plan)) {
            Candidate<I> candidate = candidates.get(slot);
            BsonDocument now = records.find(eq("_id", candidate.id())).first();
            results[slot] = RecordResult.conflict(candidate.index(), candidate.id(), now == null ? null : versionOf(now));
        }
        List<RecordResult> answer = List.of(results);
        audit.record(records.getNamespace().getCollectionName(), context, answer);
        return answer;
    }

    /** What can be refused without reading the store; null when nothing is wrong yet. */
    private RecordResult screen(WriteContext context, Candidate<I> candidate) {
        if (!candidate.errors().isEmpty()) {
            return RecordResult.rejected(candidate.index(), candidate.id(), candidate.errors());
        }
        if (!context.caller().has(Role.WRITE)) {
            return RecordResult.rejected(candidate.index(), candidate.id(),
                    List.of(new FieldError("", "this client may only read")));
        }
        if (!candidate.delete() && !context.caller().canSee(resource.regionOf(candidate.input()))) {
            return outsideRegion(candidate.index(), candidate.id(), resource.regionOf(candidate.input()), context);
        }
        return refusedChange(context, candidate, null);
    }

    private RecordResult decide(WriteContext context, int slot, Candidate<I> candidate, BsonDocument current,
            List<Planned> plan) {
        int index = candidate.index();
        String id = candidate.id();
        if (!candidate.errors().isEmpty()) {
            return RecordResult.rejected(index, id, candidate.errors());
        }
        if (current != null && isReplay(context, current)) {
            BsonDocument lastWrite = current.getDocument(AuditTrail.LAST_WRITE);
            return RecordResult.of(index, id, Outcome.valueOf(lastWrite.getString("outcome").getValue().toUpperCase()),
                    versionOf(current));
        }
        if (!context.caller().has(Role.WRITE)) {
            return RecordResult.rejected(index, id, List.of(new FieldError("", "this client may only read")));
        }
        if (current != null && !context.caller().canSee(regionOf(current))) {
            // The caller cannot read that record, so the answer must not tell where it lives.
            return RecordResult.rejected(index, id, List.of(new FieldError("id",
                    "this id belongs to a record outside the caller's region")));
        }
        boolean live = current != null && !current.getBoolean("deleted", BsonBoolean.FALSE).getValue();
        long currentVersion = current == null ? 0 : versionOf(current);
        if (candidate.delete()) {
            if (!live) {
                return RecordResult.of(index, id, Outcome.UNCHANGED, currentVersion);
            }
            if (!Objects.equals(candidate.version(), currentVersion)) {
                return RecordResult.conflict(index, id, currentVersion);
            }
            RecordResult refused = refusedChange(context, candidate, current);
            if (refused != null) {
                return refused;
            }
            BsonDocument tombstone = current.clone();
            tombstone.put("deleted", BsonBoolean.TRUE);
            return plan(plan, slot, candidate, context, tombstone, current, Outcome.DELETED);
        }
        String region = resource.regionOf(candidate.input());
        if (!context.caller().canSee(region)) {
            return outsideRegion(index, id, region, context);
        }
        if (live && !regionOf(current).equals(region)) {
            return RecordResult.rejected(index, id, List.of(new FieldError("regionCode",
                    "cannot change: the record belongs to " + regionOf(current))));
        }
        // A stale version is a conflict even for identical content; naming none, only a change is.
        // It is decided before the resource's checks: those judge a change from the version the
        // writer read, and a writer that lost a race must hear "conflict", not "rejected".
        if (candidate.version() != null && candidate.version() != currentVersion) {
            return RecordResult.conflict(index, id, current == null ? null : currentVersion);
        }
        RecordResult refused = refusedChange(context, candidate, live ? current : null);
        if (refused != null) {
            return refused;
        }
        BsonDocument content = encode(candidate.input());
        if (live && sameContent(content, current)) {
            return RecordResult.of(index, id, Outcome.UNCHANGED, currentVersion);
        }
        if (live && candidate.version() == null) {
            return RecordResult.conflict(index, id, currentVersion);
        }
        return plan(plan, slot, candidate, context, content, current, live ? Outcome.UPDATED : Outcome.CREATED);
    }

    private RecordResult plan(List<Planned> plan, int slot, Candidate<I> candidate, WriteContext context,
            BsonDocument content, BsonDocument current, Outcome outcome) {
        long version = current == null ? 1 : versionOf(current) + 1;
        BsonDocument document = content.clone();
        document.put("_id", new BsonString(candidate.id()));
        document.put("version", new BsonInt64(version));
        document.put("createdAt", current == null ? new BsonDateTime(context.at().toEpochMilli()) : current.get("createdAt"));
        document.put("updatedAt", new BsonDateTime(context.at().toEpochMilli()));
        document.putIfAbsent("deleted", BsonBoolean.FALSE);
        document.remove("pending");
        document.remove(AuditTrail.LAST_WRITE);
        if (context.idempotencyKey() != null) {
            document.put(AuditTrail.LAST_WRITE, AuditTrail.lastWrite(context, outcome)
                    .toBsonDocument(BsonDocument.class, codecs));
        }
        WriteModel<BsonDocument> write = current == null ? new InsertOneModel<>(document)
                : new ReplaceOneModel<>(and(eq("_id", candidate.id()), eq("version", current.get("version"))), document,
                        new ReplaceOptions().upsert(true));
        plan.add(new Planned(slot, candidate, write, document, outcome, version));
        return RecordResult.of(candidate.index(), candidate.id(), outcome, version);
    }

    /**
     * One bulk write under one block of feed numbers. Returns the slots whose operation lost a
     * race (a duplicate key: the record exists, or moved on since it was read).
     */
    private List<Integer> execute(List<Planned> plan) {
        if (plan.isEmpty()) {
            return List.of();
        }
        FeedClock.Block block = feed.take(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            plan.get(i).document().put(FeedClock.SEQ, new BsonInt64(block.first() + i));
        }
        Set<Integer> lost = new HashSet<>();
        try {
            records.bulkWrite(plan.stream().map(Planned::write).toList(), new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    feed.release(block);
                    throw e;
                }
                lost.add(error.getIndex());
            }
        }
        boolean inTime = feed.release(block);
        List<BsonDocument> written = new ArrayList<>();
        List<Integer> lostSlots = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            if (lost.contains(i)) {
                lostSlots.add(plan.get(i).slot());
            } else {
                written.add(plan.get(i).document());
            }
        }
        if (!inTime) {
            renumber(written);
        }
        return lostSlots;
    }

    /** Fresh feed numbers for records written too late for their first block (readers may have passed it). */
    private void renumber(List<BsonDocument> written) {
        if (written.isEmpty()) {
            return;
        }
        FeedClock.Block block = feed.take(written.size());
        List<WriteModel<BsonDocument>> updates = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            BsonDocument doc = written.get(i);
            updates.add(new com.mongodb.client.model.UpdateOneModel<>(
                    and(eq("_id", doc.get("_id")), eq("version", doc.get("version"))),
                    com.mongodb.client.model.Updates.set(FeedClock.SEQ, block.first() + i)));
        }
        records.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        feed.release(block);
    }

    private Map<String, BsonDocument> load(List<Candidate<I>> candidates) {
        List<String> ids = candidates.stream().map(Candidate::id).filter(Objects::nonNull).distinct().toList();
        Map<String, BsonDocument> stored = new HashMap<>();
        if (!ids.isEmpty()) {
            records.find(in("_id", ids)).forEach(doc -> stored.put(doc.getString("_id").getValue(), doc));
        }
        return stored;
    }

    private static boolean isReplay(WriteContext context, BsonDocument current) {
        BsonDocument lastWrite = current.getDocument(AuditTrail.LAST_WRITE, null);
        return context.idempotencyKey() != null && lastWrite != null && lastWrite.isString("key")
                && lastWrite.getString("key").getValue().equals(context.idempotencyKey());
    }

    /** The resource's verdict on this change from what is stored; null when it may go ahead. */
    private RecordResult refusedChange(WriteContext context, Candidate<I> candidate, BsonDocument current) {
        I stored = current == null ? null
                : codecs.get(resource.inputType()).decode(new BsonDocumentReader(current), DecoderContext.builder().build());
        List<FieldError> errors = new ArrayList<>();
        resource.checkChange(context.caller(), stored, candidate.input(), errors);
        return errors.isEmpty() ? null : RecordResult.rejected(candidate.index(), candidate.id(), errors);
    }

    private RecordResult outsideRegion(int index, String id, String region, WriteContext context) {
        return RecordResult.rejected(index, id, List.of(new FieldError("regionCode",
                "region " + region + " lies outside the caller's region " + context.caller().region())));
    }

    BsonDocument encode(I input) {
        BsonDocument content = new BsonDocument();
        @SuppressWarnings("unchecked")
        Class<I> type = (Class<I>) input.getClass();
        codecs.get(type).encode(new BsonDocumentWriter(content), input, EncoderContext.builder().build());
        content.entrySet().removeIf(entry -> entry.getValue().isNull() || SYSTEM_FIELDS.contains(entry.getKey()));
        return content;
    }

    static boolean sameContent(BsonDocument content, BsonDocument current) {
        BsonDocument stored = current.clone();
        stored.entrySet().removeIf(entry -> entry.getValue().isNull() || SYSTEM_FIELDS.contains(entry.getKey()));
        return stored.equals(content);
    }

    static String regionOf(BsonDocument record) {
        return record.getString("regionCode").getValue();
    }

    static long versionOf(BsonDocument record) {
        return record.get("version").asNumber().longValue();
    }
}
