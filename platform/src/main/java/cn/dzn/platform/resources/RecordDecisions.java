package cn.dzn.platform.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Role;

/**
 * What to do with each record of a write, decided from the record as stored: pure, no I/O, so
 * every rule of the write path is tested on its own ({@code RecordDecisionsTest}).
 * {@link RecordWriter} carries the decisions out.
 */
class RecordDecisions<I> {

    static final Set<String> SYSTEM_FIELDS = Set.of("_id", "version", "createdAt", "updatedAt", "deleted",
            "pending", FeedClock.SEQ, AuditTrail.LAST_WRITE, "sample", Origin.FIELD);

    private final ResourceDeclaration<I, ?> resource;
    private final CodecRegistry codecs;

    RecordDecisions(ResourceDeclaration<I, ?> resource, CodecRegistry codecs) {
        this.resource = resource;
        this.codecs = codecs;
    }

    /**
     * The outcome, and when something is to be written the document to write: inserted when
     * {@code current} is null, otherwise replaced on the condition that the stored version is
     * still {@code current}'s.
     */
    record Decision(RecordResult result, BsonDocument write) {

        static Decision answer(RecordResult result) {
            return new Decision(result, null);
        }
    }

    /**
     * What can be refused without reading the store; null when nothing is wrong yet. A record
     * that passes may be inserted straight away (a duplicate key then sends it to {@link #decide}).
     */
    RecordResult screen(WriteContext context, Candidate<I> candidate) {
        if (!candidate.errors().isEmpty()) {
            return RecordResult.rejected(candidate.index(), candidate.id(), candidate.errors());
        }
        if (candidate.origin() != null) {
            return refusedRelay(context, candidate);
        }
        if (!context.caller().has(Role.WRITE)) {
            return readOnly(candidate);
        }
        if (!candidate.delete() && !context.caller().canSee(resource.regionOf(candidate.input()))) {
            return outsideRegion(candidate, resource.regionOf(candidate.input()), context);
        }
        return refusedChange(context, candidate, null);
    }

    /** A record naming no version, written as new. */
    Decision create(WriteContext context, Candidate<I> candidate) {
        return write(candidate, context, encode(candidate.input()), null, Outcome.CREATED);
    }

    Decision decide(WriteContext context, Candidate<I> candidate, BsonDocument current) {
        int index = candidate.index();
        String id = candidate.id();
        if (!candidate.errors().isEmpty()) {
            return Decision.answer(RecordResult.rejected(index, id, candidate.errors()));
        }
        if (current != null && isReplay(context, current)) {
            BsonDocument lastWrite = current.getDocument(AuditTrail.LAST_WRITE);
            return Decision.answer(RecordResult.of(index, id,
                    Outcome.valueOf(lastWrite.getString("outcome").getValue().toUpperCase()), versionOf(current)));
        }
        if (candidate.origin() != null) {
            return decideRelayed(context, candidate, current);
        }
        if (!context.caller().has(Role.WRITE)) {
            return Decision.answer(readOnly(candidate));
        }
        if (candidate.delete()) {
            return decideDeletion(context, candidate, current);
        }
        String region = resource.regionOf(candidate.input());
        if (!context.caller().canSee(region)) {
            return Decision.answer(outsideRegion(candidate, region, context));
        }
        if (current != null && !context.caller().canSee(regionOf(current))) {
            // Ids are one space across regions, so a taken id cannot be written; the answer says
            // no more than that: not where the record lives, nor whether it is live.
            return Decision.answer(RecordResult.rejected(index, id, List.of(new FieldError("id",
                    "this id is taken; choose another"))));
        }
        if (current != null && Origin.of(current) != null) {
            return Decision.answer(ownedElsewhere(candidate, current));
        }
        boolean live = isLive(current);
        long currentVersion = current == null ? 0 : versionOf(current);
        if (live && !regionOf(current).equals(region)) {
            return Decision.answer(RecordResult.rejected(index, id, List.of(new FieldError("regionCode",
                    "cannot change: the record belongs to " + regionOf(current)))));
        }
        // A stale version is a conflict even for identical content; naming none, only a change is.
        // It is decided before the resource's checks: those judge a change from the version the
        // writer read, and a writer that lost a race must hear "conflict", not "rejected".
        if (candidate.version() != null && candidate.version() != currentVersion) {
            return Decision.answer(RecordResult.conflict(index, id, current == null ? null : currentVersion));
        }
        RecordResult refused = refusedChange(context, candidate, live ? current : null);
        if (refused != null) {
            return Decision.answer(refused);
        }
        BsonDocument content = encode(candidate.input());
        if (live && sameContent(content, current)) {
            return Decision.answer(RecordResult.of(index, id, Outcome.UNCHANGED, currentVersion));
        }
        if (live && candidate.version() == null) {
            return Decision.answer(RecordResult.conflict(index, id, currentVersion));
        }
        return write(candidate, context, content, current, live ? Outcome.UPDATED : Outcome.CREATED);
    }

    private Decision decideDeletion(WriteContext context, Candidate<I> candidate, BsonDocument stored) {
        // A record the caller cannot see is answered for as one that does not exist (issue 14:
        // no existence oracle).
        BsonDocument current = stored != null && context.caller().canSee(regionOf(stored)) ? stored : null;
        long currentVersion = current == null ? 0 : versionOf(current);
        if (!isLive(current)) {
            return Decision.answer(RecordResult.of(candidate.index(), candidate.id(), Outcome.UNCHANGED, currentVersion));
        }
        if (Origin.of(current) != null) {
            return Decision.answer(ownedElsewhere(candidate, current));
        }
        if (!Objects.equals(candidate.version(), currentVersion)) {
            return Decision.answer(RecordResult.conflict(candidate.index(), candidate.id(), currentVersion));
        }
        RecordResult refused = refusedChange(context, candidate, current);
        if (refused != null) {
            return Decision.answer(refused);
        }
        BsonDocument tombstone = current.clone();
        tombstone.put("deleted", BsonBoolean.TRUE);
        return write(candidate, context, tombstone, current, Outcome.DELETED);
    }

    private Decision write(Candidate<I> candidate, WriteContext context, BsonDocument content, BsonDocument current,
            Outcome outcome) {
        long version = current == null ? 1 : versionOf(current) + 1;
        BsonDocument document = content.clone();
        document.put("_id", new BsonString(candidate.id()));
        document.put("version", new BsonInt64(version));
        // A record created over a tombstone is a new record: only its versions continue.
        boolean fresh = outcome == Outcome.CREATED;
        BsonValue created = fresh ? null : current.get("createdAt");
        document.put("createdAt", created != null ? created : new BsonDateTime(context.at().toEpochMilli()));
        if (!fresh && current.containsKey("sample")) {
            // Sample data stays marked as such when it is edited: it is still not a real record.
            document.put("sample", current.get("sample"));
        }
        document.put("updatedAt", new BsonDateTime(context.at().toEpochMilli()));
        document.putIfAbsent("deleted", BsonBoolean.FALSE);
        if (candidate.origin() != null) {
            document.put(Origin.FIELD, candidate.origin().toBson());
        }
        document.remove("pending");
        document.remove(AuditTrail.LAST_WRITE);
        if (context.idempotencyKey() != null) {
            document.put(AuditTrail.LAST_WRITE, AuditTrail.lastWrite(context, outcome)
                    .toBsonDocument(BsonDocument.class, codecs));
        }
        return new Decision(RecordResult.of(candidate.index(), candidate.id(), outcome, version), document);
    }

    /**
     * A record relayed from the deployment that owns it (docs/federation.md): accepted only from a
     * relay key whose region contains it, ordered by its version at the origin (an older or equal
     * one changes nothing), never over a record of this deployment's own or another origin's. The
     * origin has judged its rules already, so the resource's state rules do not judge it again.
     */
    private Decision decideRelayed(WriteContext context, Candidate<I> candidate, BsonDocument current) {
        RecordResult refused = refusedRelay(context, candidate);
        if (refused == null && current != null && !context.caller().canSee(regionOf(current))) {
            refused = RecordResult.rejected(candidate.index(), candidate.id(), List.of(new FieldError("id",
                    "this id is taken; choose another")));
        }
        if (refused != null) {
            return Decision.answer(refused);
        }
        Origin stored = Origin.of(current);
        long currentVersion = current == null ? 0 : versionOf(current);
        if (current != null && (stored == null || !stored.deployment().equals(candidate.origin().deployment()))) {
            return Decision.answer(RecordResult.rejected(candidate.index(), candidate.id(), List.of(new FieldError(
                    "origin", "record " + candidate.id() + " is owned by " + (stored == null ? "this deployment"
                            : "deployment " + stored.deployment()) + "; a relay writes only its own deployment's"))));
        }
        if (stored != null && candidate.origin().version() <= stored.version()) {
            return Decision.answer(RecordResult.of(candidate.index(), candidate.id(), Outcome.UNCHANGED, currentVersion));
        }
        boolean live = isLive(current);
        if (candidate.delete()) {
            if (!live) {
                return Decision.answer(RecordResult.of(candidate.index(), candidate.id(), Outcome.UNCHANGED,
                        currentVersion));
            }
            BsonDocument tombstone = current.clone();
            tombstone.put("deleted", BsonBoolean.TRUE);
            return write(candidate, context, tombstone, current, Outcome.DELETED);
        }
        if (live && !regionOf(current).equals(resource.regionOf(candidate.input()))) {
            return Decision.answer(RecordResult.rejected(candidate.index(), candidate.id(), List.of(new FieldError(
                    "regionCode", "cannot change: the record belongs to " + regionOf(current)))));
        }
        return write(candidate, context, encode(candidate.input()), current, live ? Outcome.UPDATED : Outcome.CREATED);
    }

    /** Why a relayed record may not be written by this caller at all, or null. */
    private RecordResult refusedRelay(WriteContext context, Candidate<I> candidate) {
        if (!context.caller().has(Role.RELAY)) {
            return RecordResult.rejected(candidate.index(), candidate.id(), List.of(new FieldError("origin",
                    "only a relay key sends records with an origin")));
        }
        if (!candidate.delete() && !context.caller().canSee(resource.regionOf(candidate.input()))) {
            return outsideRegion(candidate, resource.regionOf(candidate.input()), context);
        }
        return null;
    }

    private static RecordResult ownedElsewhere(Candidate<?> candidate, BsonDocument current) {
        return RecordResult.rejected(candidate.index(), candidate.id(), List.of(new FieldError("origin",
                "record " + candidate.id() + " is a copy relayed from deployment " + Origin.of(current).deployment()
                        + ", which owns it; it is written there")));
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
        resource.checkChange(context.caller(), candidate.id(), stored, candidate.input(), errors);
        return errors.isEmpty() ? null : RecordResult.rejected(candidate.index(), candidate.id(), errors);
    }

    private static RecordResult readOnly(Candidate<?> candidate) {
        return RecordResult.rejected(candidate.index(), candidate.id(),
                List.of(new FieldError("", "this client may only read")));
    }

    private static RecordResult outsideRegion(Candidate<?> candidate, String region, WriteContext context) {
        return RecordResult.rejected(candidate.index(), candidate.id(), List.of(new FieldError("regionCode",
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

    static boolean isLive(BsonDocument record) {
        return record != null && !record.getBoolean("deleted", BsonBoolean.FALSE).getValue();
    }

    static String regionOf(BsonDocument record) {
        return record.getString("regionCode").getValue();
    }

    static long versionOf(BsonDocument record) {
        return record.get("version").asNumber().longValue();
    }
}
