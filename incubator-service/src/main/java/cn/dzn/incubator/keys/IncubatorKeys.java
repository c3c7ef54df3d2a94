package cn.dzn.incubator.keys;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/** The {@code incubator_keys} collection: which client is each incubator's key, single-document writes only. */
@Component
public class IncubatorKeys {

    public static final String COLLECTION = "incubator_keys";

    private final MongoCollection<KeyBinding> collection;

    public IncubatorKeys(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION, KeyBinding.class);
    }

    public Optional<KeyBinding> find(String incubatorId) {
        return Optional.ofNullable(collection.find(eq("_id", incubatorId)).first());
    }

    /** Makes {@code binding} the incubator's key: a key issued before it stops at once. */
    public void bind(KeyBinding binding) {
        collection.replaceOne(eq("_id", binding.incubatorId()), binding, new ReplaceOptions().upsert(true));
    }

    /** Every key not revoked. */
    public List<KeyBinding> valid() {
        return collection.find(eq("revokedAt", null)).into(new ArrayList<>());
    }

    /** Revokes the incubator's valid key; empty when it has none. */
    public Optional<KeyBinding> revoke(String incubatorId, String by, Instant at) {
        return revokeWhere(and(eq("_id", incubatorId), eq("revokedAt", null)), by, at);
    }

    /**
     * Revokes {@code binding}'s key if it is still the incubator's valid one; empty when the
     * incubator has been issued another since (that one is not touched).
     */
    public Optional<KeyBinding> revoke(KeyBinding binding, String by, Instant at) {
        return revokeWhere(and(eq("_id", binding.incubatorId()), eq("clientId", binding.clientId()),
                eq("revokedAt", null)), by, at);
    }

    private Optional<KeyBinding> revokeWhere(Bson filter, String by, Instant at) {
        return Optional.ofNullable(collection.findOneAndUpdate(filter,
                Updates.combine(Updates.set("revokedAt", at), Updates.set("revokedBy", by)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }
}
