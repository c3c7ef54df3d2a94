package cn.dzn.talent.common;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import cn.dzn.platform.errors.FieldError;

/** A list whose entries are told apart by a key names each key once (a course code, a contract number). */
public final class Unique {

    private Unique() {
    }

    /** Adds an error for every entry of {@code list} whose key an earlier entry already has. */
    public static <T> void check(List<T> list, Function<T, ?> key, String field, String what, List<FieldError> errors) {
        if (list == null) {
            return;
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Object value = list.get(i) == null ? null : key.apply(list.get(i));
            if (value != null && !seen.add(value)) {
                errors.add(new FieldError(field + "[" + i + "]", what + " " + value + " is listed twice"));
            }
        }
    }
}
