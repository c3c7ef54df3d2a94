package cn.dzn.platform.resources;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to one record of a write. */
public enum Outcome {
    CREATED, UPDATED, DELETED, UNCHANGED, CONFLICT, REJECTED;

    /** True when the record was written (and so enters the change feed and the audit trail). */
    public boolean wrote() {
        return this == CREATED || this == UPDATED || this == DELETED;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }
}
