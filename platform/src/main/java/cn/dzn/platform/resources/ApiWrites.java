package cn.dzn.platform.resources;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.types.ObjectId;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.web.IfMatch;
import tools.jackson.databind.JsonNode;

/**
 * A resource's API writes: one record each through the same write path as sync (so they land in
 * the change feed and the audit trail alike), answered the HTTP way. A record the caller cannot
 * see is 404 to anyone, as if it did not exist; then who may write is judged before what is
 * written: 403 for a read-only client or a record outside the caller's region, then 400 for the
 * content, 428 without a version where one is needed, 409 for a stale version or a change the
 * record's state refuses (docs/sync.md).
 */
class ApiWrites<I, V> {

    /** What a write did and the record as it stands after it (null after a deletion). */
    record Written<V>(Outcome outcome, String id, V record, long version) {
    }

    private final RecordStore<I, V> store;
    private final ResourceDeclaration<I, V> declaration;
    private final RecordBinder binder;

    ApiWrites(RecordStore<I, V> store, RecordBinder binder) {
        this.store = store;
        this.declaration = store.declaration();
        this.binder = binder;
    }

    /** A new record: the server chooses its id, or it is the record's natural key. */
    Written<V> create(Caller caller, byte[] body) {
        requireWriter(caller);
        I input = bind(binder.parse(body));
        caller.requireWrite(declaration.regionOf(input));
        String natural = declaration.naturalId(input);
        String id = natural != null ? natural : new ObjectId().toHexString();
        return write(caller, Candidate.upsert(id, null, input), null);
    }

    /**
     * Replaces the record's content. A resource with natural keys creates the record when no
     * version is named (and changes nothing if it exists with this content); otherwise a version
     * is required, in If-Match or the body's {@code version}.
     */
    Written<V> put(Caller caller, String id, String ifMatch, byte[] body) {
        BsonDocument current = store.stored(caller, id);
        if (current == null && !declaration.usesNaturalIds()) {
            // Server-made ids are never created by PUT: what the caller cannot see is not there.
            throw store.notFound(id);
        }
        requireWriter(caller);
        if (current != null) {
            caller.requireWrite(RecordDecisions.regionOf(current));
        }
        JsonNode json = binder.parse(body);
        I input = bind(json);
        caller.requireWrite(declaration.regionOf(input));
        String natural = declaration.naturalId(input);
        if (natural != null && !natural.equals(id)) {
            throw Problems.invalid(List.of(new FieldError("id", "this record's id is its natural key " + natural)));
        }
        Long bodyVersion = json.path("version").isIntegralNumber() ? json.path("version").longValue() : null;
        Long expected = natural != null && ifMatch == null && bodyVersion == null ? null
                : IfMatch.version(ifMatch, bodyVersion);
        if (current == null && expected != null) {
            throw store.notFound(id);
        }
        if (current != null && !RecordDecisions.regionOf(current).equals(declaration.regionOf(input))) {
            throw Problems.invalid(List.of(new FieldError("regionCode", "cannot change: the record belongs to "
                    + RecordDecisions.regionOf(current))));
        }
        return write(caller, Candidate.upsert(id, expected, input), current);
    }

    void delete(Caller caller, String id, String ifMatch) {
        long expected = IfMatch.version(ifMatch, null);
        BsonDocument current = store.stored(caller, id);
        if (current == null) {
            throw store.notFound(id);
        }
        requireWriter(caller);
        caller.requireWrite(RecordDecisions.regionOf(current));
        write(caller, Candidate.deletion(id, expected), current);
    }

    /** A named state change: the declaration says what the record becomes, or why it may not. */
    Written<V> transition(Caller caller, String id, ResourceDeclaration.Transition transition, String ifMatch,
            byte[] body) {
        long expected = IfMatch.version(ifMatch, null);
        BsonDocument current = store.stored(caller, id);
        if (current == null) {
            throw store.notFound(id);
        }
        requireWriter(caller);
        caller.requireWrite(RecordDecisions.regionOf(current));
        if (transition.bodyType() != null && (body == null || body.length == 0)) {
            throw Problems.badRequest("the action " + transition.name() + " needs a JSON body");
        }
        Object request = transition.bodyType() == null ? null
                : RecordBinder.orInvalid(binder.bind(binder.parse(body), transition.bodyType(), ""));
        I next = declaration.transition(caller, transition.name(), store.decode(current), request);
        return write(caller, Candidate.upsert(id, expected, next), current);
    }

    private Written<V> write(Caller caller, Candidate<I> candidate, BsonDocument current) {
        refuseByState(caller, candidate, current);
        WriteContext context = WriteContext.api(caller, store.clock().instant());
        RecordResult result = store.write(context, List.of(candidate)).get(0);
        switch (result.outcome()) {
            case CONFLICT -> throw conflict(candidate, result);
            case REJECTED -> throw Problems.invalid(result.errors());
            default -> {
            }
        }
        V record = candidate.delete() ? null : store.get(caller, candidate.id());
        return new Written<>(result.outcome(), candidate.id(), record, result.version());
    }

    /**
     * The declaration's verdict on changing a stored record, as a 409: the record's state is
     * what refuses (a submitted report is not edited). Sync answers the same verdict as a
     * rejected record; for a new record it is a 400.
     */
    private void refuseByState(Caller caller, Candidate<I> candidate, BsonDocument current) {
        Origin origin = Origin.of(current);
        if (origin != null) {
            throw Problems.conflict("record " + candidate.id() + " is a copy relayed from deployment "
                    + origin.deployment() + ", which owns it; it is written there");
        }
        List<FieldError> errors = new ArrayList<>();
        declaration.checkChange(caller, candidate.id(), current == null ? null : store.inputOf(current), candidate.input(), errors);
        if (errors.isEmpty()) {
            return;
        }
        if (current == null) {
            throw Problems.invalid(errors);
        }
        var problem = Problems.conflict(errors.size() == 1 ? errors.get(0).message()
                : "the record's state does not allow this change");
        problem.getBody().setProperty("errors", errors);
        throw problem;
    }

    private RuntimeException conflict(Candidate<I> candidate, RecordResult result) {
        if (result.currentVersion() == null) {
            return store.notFound(candidate.id());
        }
        if (candidate.version() == null) {
            return Problems.conflict(candidate.id() + " exists (version " + result.currentVersion()
                    + "); name that version in If-Match to change it");
        }
        return Problems.staleVersion(candidate.version(), result.currentVersion());
    }

    private I bind(JsonNode json) {
        return RecordBinder.orInvalid(binder.bindRecord(declaration, json, ""));
    }

    private static void requireWriter(Caller caller) {
        if (!caller.has(Role.WRITE)) {
            throw Problems.forbidden("the client " + caller.clientId() + " may only read");
        }
    }
}
