package cn.dzn.platform.sync;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * Who wrote what, when, under which request: one entry per request and collection, listing every
 * record it wrote (id, version, outcome). A rerun of a crashed sync request replaces the entry
 * its key left, so each request appears once. Append-only as far as the API goes.
 */
public class AuditTrail {

    static final String LAST_WRITE = "lastWrite";

    private final MongoCollection<Document> entries;

    public AuditTrail(MongoDatabase database) {
        this.entries = database.getCollection("audit");
        entries.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true).sparse(true));
    }

    /** The record's own copy of its latest write, kept inside the record by the same write. */
    static Document lastWrite(WriteContext context, String key, Outcome outcome, long version) {
        return new Document("key", key).append("clientId", context.caller().clientId())
                .append("region", context.caller().region().code()).append("requestId", context.requestId())
                .append("at", Date.from(context.at())).append("outcome", outcome.wireName()).append("version", version);
    }

    void record(String collection, WriteContext context, List<RecordResult> written) {
        if (written.isEmpty()) {
            return;
        }
        List<Document> records = written.stream().map(result -> new Document("id", result.id())
                .append("version", result.version()).append("outcome", result.outcome().wireName())).toList();
        // No _id here: a rerun replaces the entry in place, which must keep the _id it has.
        Document entry = new Document("collection", collection)
                .append("requestId", context.requestId()).append("clientId", context.caller().clientId())
                .append("region", context.caller().region().code()).append("at", Date.from(context.at()))
                .append("records", records);
        if (context.idempotencyKey() == null) {
            entries.insertOne(entry);
            return;
        }
        String ref = collection + "|" + context.idempotencyKey();
        try {
            entries.insertOne(entry.append("ref", ref));
        } catch (MongoException e) {
            if (e.getCode() != 11000) {
                throw e;
            }
            // A rerun of a crashed request: replace its entry. Rare, and a lookup by ref scans
            // on the embedded store (the unique index guards inserts only), so not the usual path.
            entry.remove("_id");
            entries.replaceOne(eq("ref", ref), entry);
        }
    }

    public Page<Document> page(String collection, PageRequest request) {
        if (request.afterId() != null && !ObjectId.isValid(request.afterId())) {
            throw Problems.badRequest("'after' is not a cursor this service handed out");
        }
        var filter = request.afterId() == null ? eq("collection", collection)
                : and(eq("collection", collection), gt("_id", new ObjectId(request.afterId())));
        List<Document> items = entries.find(filter).sort(Sorts.ascending("_id")).limit(request.limit() + 1)
                .into(new ArrayList<>());
        String next = null;
        if (items.size() > request.limit()) {
            items.remove(items.size() - 1);
            next = PageRequest.cursorAfter(items.get(items.size() - 1).getObjectId("_id").toHexString());
        }
        items.forEach(item -> {
            item.put("_id", item.getObjectId("_id").toHexString());
            item.remove("ref");
        });
        return new Page<>(items, next);
    }
}
