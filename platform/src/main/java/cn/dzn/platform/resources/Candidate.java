package cn.dzn.platform.resources;

import java.util.List;

import cn.dzn.platform.errors.FieldError;

/**
 * One record to write: its position in the request, id, the version the writer read (null for a
 * new record), whether it is a deletion, the bound input, what binding found wrong with it and,
 * for a record relayed from the deployment that owns it, its {@link Origin}.
 */
public record Candidate<I>(int index, String id, Long version, boolean delete, I input, List<FieldError> errors,
        Origin origin) {

    public Candidate(int index, String id, Long version, boolean delete, I input, List<FieldError> errors) {
        this(index, id, version, delete, input, errors, null);
    }

    public static <I> Candidate<I> upsert(String id, Long version, I input) {
        return new Candidate<>(0, id, version, false, input, List.of());
    }

    public static <I> Candidate<I> deletion(String id, long version) {
        return new Candidate<>(0, id, version, true, null, List.of());
    }
}
