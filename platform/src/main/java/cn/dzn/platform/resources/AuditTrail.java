package cn.dzn.platform.resources;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.mongo.KeysetPager;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who wrote what, when, under which request: one entry per request and collection, listing every
 * record it wrote (id, version, outcome). A sync request's entry also holds the answer its
 * Idempotency-Key returns from then on, so finishing a request is this one insert. Its id is
 * fixed when the key is first seen: a rerun of a crashed request writes the same entry, and a
 * request appears once. Append-only as far as the API goes.
 */
public class AuditTrail {

    static final String LAST_WRITE = "lastWrite";
    private static final String ANSWER = "answer";

    private final MongoCollection<Document> entries;
    private final JsonMapper json;

    public AuditTrail(MongoDatabase database, JsonMapper json) {
        this.entries = database.getCollection("audit");
        this.json = json;
    }

    /**
     * What a synced record keeps of the request that last wrote it: enough for a rerun of that
     * request to report the outcome instead of writing again. Who and when are in the entry.
     */
    static Document lastWrite(WriteContext context, Outcome outcome) {
        return new Document("key", context.idempotencyKey()).append("outcome", outcome.wireName());
    }

    /** Records a request's writes; for a sync request also its answer, even when it wrote nothing. */
    void record(String collection, WriteContext context, List<RecordResult> results) {
        List<Document> written = results.stream().filter(result -> result.outcome().wrote())
                .map(result -> new Document("id", result.id()).append("version", result.version())
                        .append("outcome", result.outcome().wireName()))
                .toList();
        boolean sync = context.idempotencyKey() != null;
        if (written.isEmpty() && !sync) {
            return;
        }
        Document entry = new Document("_id", context.auditId()).append("collection", collection)
                .append("requestId", context.requestId()).append("clientId", context.caller().clientId())
                .append("region", context.caller().region().code()).append("at", Date.from(context.at()))
                .append("records", written);
        if (sync) {
            entry.append("idempotencyKey", context.idempotencyKey())
                    .append(ANSWER, json.writeValueAsString(SyncAnswer.of(results)));
        }
        try {
            entries.insertOne(entry);
        } catch (MongoException e) {
            // Only a request whose lease ran out while it still ran gets here: its rerun finished
            // first and recorded the request. One entry per request stands.
            if (e.getCode() != 11000) {
                throw e;
            }
        }
    }

    /** The stored answer of the sync request whose entry this is, once it finished. */
    Optional<SyncAnswer> answer(ObjectId auditId) {
        Document entry = entries.find(eq("_id", auditId)).projection(Projections.include(ANSWER)).first();
        return Optional.ofNullable(entry).map(found -> found.getString(ANSWER))
                .map(answer -> json.readValue(answer, SyncAnswer.class));
    }

    /** Entries that wrote something, oldest first; a sync request that changed nothing is left out. */
    public Page<Document> page(String collection, PageRequest request) {
        if (request.afterId() != null && !ObjectId.isValid(request.afterId())) {
            throw Problems.badRequest("'after' is not a cursor this service handed out");
        }
        Page<Document> page = KeysetPager.page(seek -> entries.find(seek).projection(Projections.exclude(ANSWER)),
                and(eq("collection", collection), exists("records.0")), request,
                entry -> entry.getObjectId("_id").toHexString(), ObjectId::new);
        page.items().forEach(item -> item.put("_id", item.getObjectId("_id").toHexString()));
        return page;
    }
}
