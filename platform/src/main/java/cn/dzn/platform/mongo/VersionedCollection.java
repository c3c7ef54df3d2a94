package cn.dzn.platform.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * Reads and writes versioned records. Every write is one conditional single-document operation
 * (the store has no transactions): the filter carries the expected version and the caller's
 * scope, so a stale or out-of-scope write changes nothing.
 */
public class VersionedCollection<T extends Versioned<T>> {

    private final MongoCollection<T> collection;
    private final String noun;

    public VersionedCollection(MongoCollection<T> collection, String noun) {
        this.collection = collection;
        this.noun = noun;
    }

    public MongoCollection<T> raw() {
        return collection;
    }

    public T insert(T record) {
        T first = record.withVersion(1);
        collection.insertOne(first);
        return first;
    }

    public Optional<T> find(String id, Bson scope) {
        return Optional.ofNullable(collection.find(and(eq("_id", id), scope)).first());
    }

    public T get(String id, Bson scope) {
        return find(id, scope).orElseThrow(() -> Problems.notFound(noun + " " + id));
    }

    /** Replaces the record if it is still at {@code expected}; 404 or 409 otherwise. */
    public T replace(T updated, long expected, Bson scope) {
        T result = collection.findOneAndReplace(
                and(eq("_id", updated.id()), eq("version", expected), scope),
                updated.withVersion(expected + 1),
                new FindOneAndReplaceOptions().returnDocument(ReturnDocument.AFTER));
        if (result == null) {
            throw missingOrStale(updated.id(), expected, scope);
        }
        return result;
    }

    public void delete(String id, long expected, Bson scope) {
        if (collection.deleteOne(and(eq("_id", id), eq("version", expected), scope)).getDeletedCount() == 0) {
            throw missingOrStale(id, expected, scope);
        }
    }

    /** One keyset page in id order: a seek past the cursor, never a skip. */
    public Page<T> page(Bson filter, PageRequest request) {
        Bson seek = request.afterId() == null ? filter : and(filter, gt("_id", request.afterId()));
        List<T> items = collection.find(seek).sort(Sorts.ascending("_id")).limit(request.limit() + 1)
                .into(new ArrayList<>(request.limit() + 1));
        if (items.size() <= request.limit()) {
            return new Page<>(items, null);
        }
        items.remove(items.size() - 1);
        return new Page<>(items, PageRequest.cursorAfter(items.get(items.size() - 1).id()));
    }

    private RuntimeException missingOrStale(String id, long expected, Bson scope) {
        return find(id, scope)
                .<RuntimeException>map(current -> Problems.staleVersion(expected, current.version()))
                .orElseGet(() -> Problems.notFound(noun + " " + id));
    }
}
