package cn.dzn.platform.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import cn.dzn.platform.errors.JsonPath;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a sync batch: reads it, binds and validates every record on its own (one bad record never
 * sinks the batch), and guards the whole with the client's Idempotency-Key.
 */
class SyncBatches {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");
    // Ids that would shadow the resource's own sub-paths.
    private static final Set<String> RESERVED = Set.of("sync", "changes", "audit");

    private final JsonMapper json;
    private final Validator validator;
    private final Idempotency idempotency;

    SyncBatches(JsonMapper json, Validator validator, Idempotency idempotency) {
        this.json = json;
        this.validator = validator;
        this.idempotency = idempotency;
    }

    <I, V> SyncAnswer run(RecordStore<I, V> store, Caller caller, String requestId, String key, byte[] body) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw Problems.badRequest("an Idempotency-Key header of 1 to 128 visible ASCII characters is required");
        }
        SyncBatch batch = read(body);
        List<Candidate<I>> candidates = new ArrayList<>(batch.records().size());
        for (int i = 0; i < batch.records().size(); i++) {
            candidates.add(bind(store.resource(), i, batch.records().get(i)));
        }
        String id = Idempotency.keyOf(caller.clientId(), key);
        Idempotency.Ticket ticket = idempotency.begin(id, body);
        if (ticket.answer() != null) {
            return ticket.answer();
        }
        // The write records the answer in the request's audit entry; that ends the request.
        WriteContext context = new WriteContext(caller, requestId, store.clock().instant(), id, ticket.auditId());
        return SyncAnswer.of(store.write(context, candidates));
    }

    private SyncBatch read(byte[] body) {
        SyncBatch batch;
        try {
            batch = json.readValue(body, SyncBatch.class);
        } catch (JacksonException e) {
            throw Problems.badRequest("the batch is not a JSON object {\"records\": [...]}: " + e.getOriginalMessage());
        }
        if (batch == null || batch.records() == null) {
            throw Problems.badRequest("the batch needs a 'records' array");
        }
        if (batch.records().size() > SyncBatch.MAX_RECORDS) {
            throw Problems.badRequest("a batch holds at most " + SyncBatch.MAX_RECORDS + " records, this one "
                    + batch.records().size());
        }
        return batch;
    }

    private <I> Candidate<I> bind(SyncResource<I, ?> resource, int index, SyncRecord record) {
        List<FieldError> errors = new ArrayList<>();
        if (record == null) {
            return new Candidate<>(index, null, null, false, null, List.of(new FieldError("", "a record is required")));
        }
        String id = record.id();
        I input = null;
        if (!record.isDeletion()) {
            input = bindData(resource, record, errors);
        }
        String natural = input == null ? null : resource.naturalId(input);
        if (natural != null && id == null) {
            id = natural;
        } else if (natural != null && !natural.equals(id)) {
            errors.add(new FieldError("id", "must be " + natural + ", the record's natural key, or be left out"));
        } else if (id == null || !ID.matcher(id).matches() || RESERVED.contains(id)) {
            errors.add(new FieldError("id", "an id of 1 to 64 letters, digits, '.', '_' or '-' is required"));
        }
        if (record.version() != null && record.version() < 1) {
            errors.add(new FieldError("version", "must be 1 or more"));
        }
        if (record.isDeletion() && record.version() == null) {
            errors.add(new FieldError("version", "a deletion names the version it deletes"));
        }
        return new Candidate<>(index, id, record.version(), record.isDeletion(), input, List.copyOf(errors));
    }

    private <I> I bindData(SyncResource<I, ?> resource, SyncRecord record, List<FieldError> errors) {
        if (record.data() == null || !record.data().isObject()) {
            errors.add(new FieldError("data", "an object with the record's fields is required"));
            return null;
        }
        I input;
        try {
            input = json.treeToValue(record.data(), resource.inputType());
        } catch (JacksonException e) {
            errors.add(new FieldError("data" + (JsonPath.of(e).isEmpty() ? "" : "." + JsonPath.of(e)),
                    e.getOriginalMessage()));
            return null;
        }
        for (ConstraintViolation<I> violation : validator.validate(input)) {
            // "memberCities[0].<list element>" -> "memberCities[0]", as the API's own 400s name it.
            String field = violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
            errors.add(new FieldError("data." + field, violation.getMessage()));
        }
        if (errors.isEmpty()) {
            resource.check(input, errors);
        }
        return input;
    }
}
