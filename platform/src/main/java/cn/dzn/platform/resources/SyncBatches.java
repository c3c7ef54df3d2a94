package cn.dzn.platform.resources;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a sync batch: reads it, binds and validates every record on its own (one bad record never
 * sinks the batch), and guards the whole with the client's Idempotency-Key.
 */
class SyncBatches {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");
    // Ids that would shadow the resource's own sub-paths.
    private static final Set<String> RESERVED = Set.of("sync", "changes", "audit");

    private final RecordBinder binder;
    private final Idempotency idempotency;

    SyncBatches(RecordBinder binder, Idempotency idempotency) {
        this.binder = binder;
        this.idempotency = idempotency;
    }

    <I, V> SyncAnswer run(RecordStore<I, V> store, Caller caller, String key, byte[] body) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw Problems.badRequest("an Idempotency-Key header of 1 to 128 visible ASCII characters is required");
        }
        SyncBatch batch = read(body);
        List<Candidate<I>> candidates = new ArrayList<>(batch.records().size());
        for (int i = 0; i < batch.records().size(); i++) {
            candidates.add(bind(store.declaration(), i, batch.records().get(i)));
        }
        String id = Idempotency.keyOf(caller.clientId(), key);
        Idempotency.Ticket ticket = idempotency.begin(id, body);
        if (ticket.answer() != null) {
            return ticket.answer();
        }
        // The write records the answer in the request's audit entry; that ends the request.
        WriteContext context = new WriteContext(caller, WriteContext.currentRequestId(), store.clock().instant(), id, ticket.auditId());
        return SyncAnswer.of(store.write(context, candidates));
    }

    private SyncBatch read(byte[] body) {
        RecordBinder.Bound<SyncBatch> bound = binder.bind(binder.parse(body), SyncBatch.class, "");
        if (!bound.ok()) {
            throw Problems.badRequest("the batch is not a JSON object {\"records\": [...]}: "
                    + bound.errors().get(0).message());
        }
        SyncBatch batch = bound.value();
        if (batch.records() == null) {
            throw Problems.badRequest("the batch needs a 'records' array");
        }
        if (batch.records().size() > SyncBatch.MAX_RECORDS) {
            throw Problems.badRequest("a batch holds at most " + SyncBatch.MAX_RECORDS + " records, this one "
                    + batch.records().size());
        }
        return batch;
    }

    private <I> Candidate<I> bind(ResourceDeclaration<I, ?> resource, int index, JsonNode json) {
        RecordBinder.Bound<SyncRecord> envelope = binder.bind(json, SyncRecord.class, "");
        if (!envelope.ok()) {
            return new Candidate<>(index, null, null, false, null, envelope.errors());
        }
        SyncRecord record = envelope.value();
        List<FieldError> errors = new ArrayList<>();
        String id = record.id();
        I input = null;
        if (!record.isDeletion()) {
            // A relayed record's rules on the records it names were judged at its origin; here those may
            // not have arrived yet (each resource's feed goes up on its own), and a report relayed before
            // its zone would be refused and lost. Its own content rules are judged as ever.
            boolean relayed = record.origin() != null;
            JsonNode data = relayed ? inputFieldsOf(record.data(), resource.inputType()) : record.data();
            RecordBinder.Bound<I> bound = binder.bindRecord(resource, data, "data", relayed);
            input = bound.value();
            errors.addAll(bound.errors());
        }
        String natural = input == null ? null : resource.naturalId(input);
        if (natural != null && id == null) {
            id = natural;
        } else if (natural != null && !natural.equals(id)) {
            errors.add(new FieldError("id", "must be " + natural + ", the record's natural key, or be left out"));
        } else if (!validId(id) || resource.reservedIds().contains(id)) {
            errors.add(new FieldError("id", "an id of 1 to 64 letters, digits, '.', '_' or '-' is required"));
        }
        if (record.origin() != null) {
            // A relayed record is ordered by its version at the origin; the version here is not the sender's to name.
            relayed(record.origin(), errors);
            return new Candidate<>(index, id, null, record.isDeletion(), input, List.copyOf(errors), record.origin());
        }
        if (record.version() != null && record.version() < 1) {
            errors.add(new FieldError("version", "must be 1 or more"));
        }
        if (record.isDeletion() && record.version() == null) {
            errors.add(new FieldError("version", "a deletion names the version it deletes"));
        }
        return new Candidate<>(index, id, record.version(), record.isDeletion(), input, List.copyOf(errors));
    }

    /**
     * A relay sends a record as the origin's change feed shows it, the resource's view: its input
     * fields and what the origin added (id, version, times, derived figures). Only the input's
     * fields are bound, strictly as ever; the rest is the copy's own to compute.
     */
    private static JsonNode inputFieldsOf(JsonNode data, Class<?> inputType) {
        if (data == null || !data.isObject() || !inputType.isRecord()) {
            return data;
        }
        Set<String> fields = new HashSet<>();
        for (RecordComponent component : inputType.getRecordComponents()) {
            fields.add(component.getName());
        }
        ObjectNode input = ((ObjectNode) data).deepCopy();
        input.retain(fields);
        return input;
    }

    private static void relayed(Origin origin, List<FieldError> errors) {
        String problem = origin.problem();
        if (problem != null) {
            errors.add(new FieldError("origin", problem));
        }
    }

    /** Ids a client may choose: short, URL-safe, and none that would shadow the resource's own sub-paths. */
    static boolean validId(String id) {
        return id != null && ID.matcher(id).matches() && !RESERVED.contains(id);
    }
}
