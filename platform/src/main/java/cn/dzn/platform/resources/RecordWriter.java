package cn.dzn.platform.resources;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonInt64;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import cn.dzn.platform.errors.FieldError;

/**
 * Carries out {@link RecordDecisions}' decisions, for the API and for sync alike: every write of
 * a request in one unordered bulk write whose every operation is conditional on the version it
 * was decided on, under one block of change-feed numbers (docs/sync.md).
 */
class RecordWriter<I> {

    private final RecordDecisions<I> decisions;
    private final MongoCollection<BsonDocument> records;
    private final FeedClock feed;
    private final AuditTrail audit;

    RecordWriter(RecordDecisions<I> decisions, MongoCollection<BsonDocument> records, FeedClock feed,
            AuditTrail audit) {
        this.decisions = decisions;
        this.records = records;
        this.feed = feed;
        this.audit = audit;
    }

    private record Planned(int slot, BsonDocument document, BsonDocument current) {

        WriteModel<BsonDocument> model() {
            return current == null ? new InsertOneModel<>(document)
                    : new ReplaceOneModel<>(and(eq("_id", document.get("_id")), eq("version", current.get("version"))),
                            document, new ReplaceOptions().upsert(true));
        }
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
            } else if (candidate.version() == null && !candidate.delete()
                    && decisions.screen(context, candidate) == null) {
                results[slot] = plan(creates, slot, decisions.create(context, candidate), null);
            } else {
                toDecide.add(slot);
            }
        }
        toDecide.addAll(execute(creates));
        Map<String, BsonDocument> stored = load(toDecide.stream().map(candidates::get).toList());
        List<Planned> plan = new ArrayList<>();
        for (int slot : toDecide) {
            Candidate<I> candidate = candidates.get(slot);
            BsonDocument current = stored.get(candidate.id());
            results[slot] = plan(plan, slot, decisions.decide(context, candidate, current), current);
        }
        for (int slot : execute(plan)) {
            Candidate<I> candidate = candidates.get(slot);
            BsonDocument now = records.find(eq("_id", candidate.id())).first();
            results[slot] = RecordResult.conflict(candidate.index(), candidate.id(),
                    now == null ? null : RecordDecisions.versionOf(now));
        }
        List<RecordResult> answer = List.of(results);
        audit.record(records.getNamespace().getCollectionName(), context, answer);
        return answer;
    }

    private static RecordResult plan(List<Planned> plan, int slot, RecordDecisions.Decision decision,
            BsonDocument current) {
        if (decision.write() != null) {
            plan.add(new Planned(slot, decision.write(), current));
        }
        return decision.result();
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
            records.bulkWrite(plan.stream().map(Planned::model).toList(), new BulkWriteOptions().ordered(false));
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
            updates.add(new UpdateOneModel<>(and(eq("_id", doc.get("_id")), eq("version", doc.get("version"))),
                    Updates.set(FeedClock.SEQ, block.first() + i)));
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
}
