package cn.dzn.platform.resources;

import tools.jackson.databind.JsonNode;

/**
 * One record of a sync batch: its id, the version the sender last read (none for a new record),
 * whether it is to be deleted, and its content, bound to the resource's input type. A relay key
 * sends another deployment's records with their {@link Origin} instead of a version.
 */
public record SyncRecord(String id, Long version, Boolean deleted, JsonNode data, Origin origin) {

    public boolean isDeletion() {
        return Boolean.TRUE.equals(deleted);
    }
}
