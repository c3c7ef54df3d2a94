package cn.dzn.platform.web;

import org.springframework.http.converter.HttpMessageNotReadableException;

import cn.dzn.platform.errors.JsonPath;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import cn.dzn.platform.regions.InvalidRegionCodeException;

/** Says in one sentence why a request body could not be read, without leaking class names. */
final class UnreadableBody {

    private UnreadableBody() {
    }

    static String explain(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidRegionCodeException invalid) {
                return invalid.getMessage();
            }
        }
        if (!(ex.getCause() instanceof JacksonException jackson)) {
            return "the request body is missing or is not JSON";
        }
        String field = jackson.getPath().isEmpty() ? "" : " at '" + JsonPath.of(jackson) + "'";
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'" + locatedIn(jackson);
        }
        if (jackson instanceof InvalidFormatException format) {
            return "value " + format.getValue() + field + " is not a valid " + simpleName(format.getTargetType());
        }
        if (jackson instanceof MismatchedInputException mismatch) {
            return "wrong type" + field + ": expected " + simpleName(mismatch.getTargetType())
                    + " (objects such as {\"$gt\": …} are not accepted where a value belongs)";
        }
        if (jackson instanceof StreamReadException read) {
            return "malformed JSON" + (read.getLocation() == null ? ""
                    : " at line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr());
        }
        return "the request body could not be read" + field;
    }

    private static String locatedIn(JacksonException jackson) {
        return jackson.getPath().size() > 1 ? " in '" + JsonPath.of(jackson) + "'" : "";
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return type.getSimpleName().equals("RegionCode") ? "region code" : "object";
    }
}
