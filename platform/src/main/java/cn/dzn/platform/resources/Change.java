package cn.dzn.platform.resources;

import java.util.List;

/**
 * One entry of a change feed: the record as it is now (a tombstone when deleted), its cursor and,
 * for a copy relayed from another deployment, its origin, which a relay passes on unchanged.
 */
public record Change<V>(String cursor, String id, long version, boolean deleted, V record, Origin origin) {

    /** A page of the feed; {@code next} continues after it, also when the page is empty. */
    public record Page<V>(List<Change<V>> items, String next) {
    }
}
