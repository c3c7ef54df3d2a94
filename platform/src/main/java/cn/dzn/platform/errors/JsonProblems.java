package cn.dzn.platform.errors;

import java.util.Arrays;
import java.util.Collection;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says in one sentence why a JSON body could not be bound, naming the field and the JSON type
 * expected, never a Java class: the same words for the REST endpoints and for sync batches.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static String explain(JacksonException failure) {
        String field = failure.getPath().isEmpty() ? "" : " at '" + JsonPath.of(failure) + "'";
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'"
                    + (failure.getPath().size() > 1 ? " in '" + JsonPath.of(failure) + "'" : "");
        }
        if (failure instanceof InputCoercionException) {
            return "number" + field + " is out of range";
        }
        if (failure instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "value " + format.getValue() + field + " is not " + jsonType(format.getTargetType());
        }
        if (failure instanceof InvalidFormatException format && format.getTargetType() != null
                && java.time.temporal.Temporal.class.isAssignableFrom(format.getTargetType())) {
            return "value " + format.getValue() + field + " is not a valid "
                    + (format.getTargetType() == java.time.LocalDate.class ? "date (yyyy-mm-dd)" : "time (ISO 8601)");
        }
        if (failure instanceof MismatchedInputException mismatch) {
            return "wrong type" + field + ": expected " + jsonType(mismatch.getTargetType())
                    + " (values are never converted, and objects such as {\"$gt\": …} are not accepted where a value belongs)";
        }
        if (failure instanceof StreamReadException read) {
            return "malformed JSON" + (read.getLocation() == null ? ""
                    : " at line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr());
        }
        return "the value" + field + " could not be read";
    }

    /** The failure as a field error, its field prefixed with {@code prefix} (e.g. {@code data}). */
    public static FieldError fieldError(String prefix, JacksonException failure) {
        String path = JsonPath.of(failure);
        String field = prefix.isEmpty() ? path : path.isEmpty() ? prefix : prefix + "." + path;
        return new FieldError(field, explain(failure));
    }

    private static String jsonType(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (CharSequence.class.isAssignableFrom(type) || type.getSimpleName().equals("RegionCode")
                || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
