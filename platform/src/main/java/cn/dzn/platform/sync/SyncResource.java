package cn.dzn.platform.sync;

import java.util.List;

import org.bson.conversions.Bson;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.mongo.RegionFilters;

/**
 * A kind of record a city owns and syncs: where it is stored, how its input is bound, whose
 * region it belongs to and who may see it. Each resource implements this once; the write path,
 * sync, change feed and audit trail come from the platform.
 *
 * @param <I> the input type a client sends (stored as the record's content)
 * @param <V> the type a record is read as
 */
public interface SyncResource<I, V> {

    String collection();

    Class<I> inputType();

    Class<V> viewType();

    String regionOf(I input);

    /** Checks Bean Validation cannot express; add what is wrong to {@code errors}. */
    default void check(I input, List<FieldError> errors) {
    }

    /**
     * The record's natural key, for a resource whose records are identified by their content
     * (a report per zone, city and period): a synced record may leave out its id or must name
     * this one. Null (the default) when ids are chosen freely.
     */
    default String naturalId(I input) {
        return null;
    }

    /**
     * Checks a change against the record as stored ({@code stored} is null for a new record,
     * {@code input} null for a deletion): state machines and who may move them. Add what is wrong
     * to {@code errors}.
     */
    default void checkChange(Caller caller, I stored, I input, List<FieldError> errors) {
    }

    /** The records the caller may read; by default those whose region lies inside its own. */
    default Bson visibleTo(Caller caller) {
        return RegionFilters.inside("regionCode", caller.region());
    }
}
