package cn.dzn.gateway.clients;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import cn.dzn.platform.identity.Role;
import cn.dzn.platform.mongo.KeysetPager;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/** {@code api_clients} through the sync driver. Blocking: callers run it off the event loop. */
@Component
class ApiClientStore {

    static final String BOOTSTRAP_ID = "bootstrap-admin";

    private final MongoCollection<ApiClient> clients;

    ApiClientStore(MongoDatabase database) {
        this.clients = database.getCollection("api_clients", ApiClient.class);
    }

    void ensureIndexes() {
        clients.createIndex(Indexes.ascending("keyHash"), new IndexOptions().unique(true).name("keyHash_unique"));
        // The other half of every key lookup (findActiveByHash), which each replica repeats per key
        // in use every cache TTL: without it the lookup's $or reads the whole collection.
        clients.createIndex(Indexes.ascending("previousKeyHash"), new IndexOptions().name("previousKeyHash"));
        // An incubator's keys, looked up when a new one replaces them (issue 17).
        clients.createIndex(Indexes.ascending("incubatorId"), new IndexOptions().name("incubatorId"));
    }

    void insert(ApiClient client) {
        clients.insertOne(client);
    }

    /** The live client whose current key, or previous key still in its grace period, has this hash. */
    Optional<ApiClient> findActiveByHash(String keyHash, Instant now) {
        return Optional.ofNullable(clients.find(and(eq("revokedAt", null), or(eq("keyHash", keyHash),
                and(eq("previousKeyHash", keyHash), gt("previousKeyValidUntil", now))))).first());
    }

    /**
     * Replaces the key; the one replaced stays valid until {@code graceUntil}. Returns the client as
     * it was before, or empty when there is no live client with this id.
     */
    Optional<ApiClient> rotate(String id, String newKeyHash, Instant graceUntil) {
        ApiClient current = clients.find(and(eq("_id", id), eq("revokedAt", null))).first();
        if (current == null) {
            return Optional.empty();
        }
        // Conditional on the key read, so two rotations at once cannot both keep "their" previous key.
        return Optional.ofNullable(clients.findOneAndUpdate(and(eq("_id", id), eq("keyHash", current.keyHash())),
                Updates.combine(Updates.set("keyHash", newKeyHash), Updates.set("previousKeyHash", current.keyHash()),
                        Updates.set("previousKeyValidUntil", graceUntil)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)));
    }

    void markUsed(String id, Instant at) {
        clients.updateOne(eq("_id", id), Updates.max("lastUsedAt", at));
    }

    /** Every client, revoked ones too, a keyset page at a time in id order. */
    Page<ApiClient> page(PageRequest request) {
        return KeysetPager.page(clients, Filters.empty(), request, ApiClient::id);
    }

    /** Sets revokedAt once; a second revoke keeps the first time. Empty when there is no such client. */
    Optional<ApiClient> revoke(String id, Instant at) {
        ApiClient revoked = clients.findOneAndUpdate(and(eq("_id", id), eq("revokedAt", null)),
                Updates.set("revokedAt", at), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(revoked != null ? revoked : clients.find(eq("_id", id)).first());
    }

    /**
     * Revokes every live client bound to {@code incubatorId} that was created before
     * {@code newest} (ids are ObjectIds, in creation order): the key just issued replaces them.
     * Of two issued at once, the later one stays, whichever finishes first. Returns the clients
     * revoked, so their keys can be forgotten.
     */
    List<ApiClient> revokeBoundBefore(String incubatorId, String newest, Instant at) {
        List<ApiClient> revoked = new java.util.ArrayList<>();
        for (ApiClient older : clients.find(and(eq("incubatorId", incubatorId), eq("revokedAt", null),
                Filters.lt("_id", newest)))) {
            ApiClient done = clients.findOneAndUpdate(and(eq("_id", older.id()), eq("revokedAt", null)),
                    Updates.set("revokedAt", at), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (done != null) {
                revoked.add(done);
            }
        }
        return revoked;
    }

    /** The client with this id if it is bound to an incubator (revoked or not); empty for any other. */
    Optional<ApiClient> findBound(String id) {
        return Optional.ofNullable(clients.find(and(eq("_id", id), Filters.ne("incubatorId", null))).first());
    }

    /**
     * The environment is the source of truth for the first admin: every start re-binds it to the
     * current DZN_ADMIN_KEY and national admin rights, keeping only its creation time.
     */
    void upsertBootstrapAdmin(String keyHash, Instant now) {
        List<String> roles = Set.of(Role.ADMIN, Role.READ, Role.WRITE).stream().map(Role::name).sorted().toList();
        Bson update = Updates.combine(
                Updates.set("name", "bootstrap national administrator (DZN_ADMIN_KEY)"),
                Updates.set("keyHash", keyHash),
                Updates.set("regionCode", RegionCode.NATIONAL.code()),
                Updates.set("roles", roles),
                Updates.set("revokedAt", null),
                Updates.setOnInsert("createdAt", now));
        clients.withDocumentClass(Document.class)
                .updateOne(eq("_id", BOOTSTRAP_ID), update, new UpdateOptions().upsert(true));
    }
}
