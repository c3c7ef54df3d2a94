package cn.dzn.gateway.web;

import java.util.Arrays;
import java.util.Collection;

import cn.dzn.platform.errors.JsonPath;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Why a JSON body could not be read, in words a client can act on and without class names:
 * the field it concerns (null for a body that is not JSON at all) and the message.
 */
record JsonFault(String field, String message) {

    static JsonFault of(JacksonException jackson) {
        String field = JsonPath.of(jackson).isEmpty() ? null : JsonPath.of(jackson);
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            return new JsonFault(field, "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (jackson instanceof InvalidFormatException format) {
            return new JsonFault(field, "'" + format.getValue() + "' is not " + expected(format.getTargetType()));
        }
        if (jackson instanceof MismatchedInputException mismatch) {
            return new JsonFault(field, "wrong type: expected " + expected(mismatch.getTargetType())
                    + " (objects such as {\"$gt\": ...} are not accepted where a value belongs)");
        }
        if (jackson instanceof StreamReadException read && read.getLocation() != null) {
            return new JsonFault(null, "malformed JSON at line " + read.getLocation().getLineNr()
                    + ", column " + read.getLocation().getColumnNr());
        }
        return new JsonFault(field, "the request body could not be read");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return Collection.class.isAssignableFrom(type) || type.isArray() ? "an array" : "an object";
    }
}
