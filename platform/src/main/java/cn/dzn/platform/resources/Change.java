package cn.dzn.platform.resources;

import java.util.List;

/** One entry of a change feed: the record as it is now (a tombstone when deleted) and its cursor. */
public record Change<V>(String cursor, String id, long version, boolean deleted, V record) {

    /** A page of the feed; {@code next} continues after it, also when the page is empty. */
    public record Page<V>(List<Change<V>> items, String next) {
    }
}
