package cn.dzn.platform.resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.JsonProblems;
import cn.dzn.platform.errors.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds a record's JSON to a declared type the one way for the API and for sync: strictly (no
 * value is converted to another type), then Bean Validation, then the declaration's own content
 * rules, every problem a field error. One binder per service.
 */
public class RecordBinder {

    private final JsonMapper json;
    private final Validator validator;

    public RecordBinder(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** A bound value, or null with what is wrong in {@code errors}. */
    public record Bound<T>(T value, List<FieldError> errors) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Parses a request body; malformed JSON is a 400 problem. */
    public JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw Problems.badRequest(JsonProblems.explain(e));
        }
    }

    /**
     * {@code data} as a {@code type}, its field errors named under {@code prefix} ({@code data} in
     * a sync record, nothing in a request body) and sorted by field.
     */
    public <T> Bound<T> bind(JsonNode data, Class<T> type, String prefix) {
        if (data == null || !data.isObject()) {
            return new Bound<>(null, List.of(new FieldError(prefix,
                    "wrong type: expected an object with the record's fields")));
        }
        T value;
        try {
            value = json.treeToValue(data, type);
        } catch (JacksonException e) {
            return new Bound<>(null, List.of(JsonProblems.fieldError(prefix, e)));
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            // "memberCities[0].<list element>" -> "memberCities[0]", as Spring's own 400s name it.
            String path = violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
            errors.add(new FieldError(prefix.isEmpty() ? path : prefix + "." + path, violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return new Bound<>(value, List.copyOf(errors));
    }

    /** As {@link #bind}, then the declaration's content rules once the type's own constraints hold. */
    public <I> Bound<I> bindRecord(ResourceDeclaration<I, ?> declaration, JsonNode data, String prefix) {
        return bindRecord(declaration, data, prefix, false);
    }

    /**
     * As {@link #bindRecord(ResourceDeclaration, JsonNode, String)}; for a record {@code relayed}
     * from its origin, without the rules that read other records ({@link ResourceDeclaration#checkReferences}).
     */
    public <I> Bound<I> bindRecord(ResourceDeclaration<I, ?> declaration, JsonNode data, String prefix,
            boolean relayed) {
        Bound<I> bound = bind(data, declaration.inputType(), prefix);
        if (!bound.ok()) {
            return bound;
        }
        List<FieldError> errors = new ArrayList<>();
        declaration.check(bound.value(), errors);
        if (!relayed) {
            declaration.checkReferences(bound.value(), errors);
        }
        List<FieldError> named = errors.stream().map(error -> new FieldError(prefix.isEmpty() ? error.field()
                : error.field().isEmpty() ? prefix : prefix + "." + error.field(), error.message())).toList();
        return new Bound<>(bound.value(), named);
    }

    /** The value, or a 400 listing its field errors. */
    public static <T> T orInvalid(Bound<T> bound) {
        if (!bound.ok()) {
            throw Problems.invalid(bound.errors());
        }
        return bound.value();
    }
}
