package cn.dzn.platform.sync;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * Who wrote what, when, under which request: one entry per written record version, keyed
 * {@code collection:id:version} so that the writer and the sequencer (which copies the record's
 * own {@code lastWrite} after a crash) can both add it and it still appears once. Append-only:
 * nothing in the API changes or removes an entry.
 */
public class AuditTrail {

    static final String LAST_WRITE = "lastWrite";

    private final MongoCollection<Document> entries;

    public AuditTrail(MongoDatabase database) {
        this.entries = database.getCollection("audit");
        entries.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
    }

    /** The audit entry a write leaves inside its record, copied out later. */
    static Document lastWrite(WriteContext context, String key, Outcome outcome, long version) {
        return new Document("key", key).append("clientId", context.caller().clientId())
                .append("region", context.caller().region().code()).append("requestId", context.requestId())
                .append("at", Date.from(context.at())).append("outcome", outcome.wireName()).append("version", version);
    }

    void record(String collection, List<BsonDocument> written) {
        insertIgnoringDuplicates(collection, written);
    }

    void copyLastWrites(String collection, List<BsonDocument> sequenced) {
        insertIgnoringDuplicates(collection, sequenced);
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
        items.forEach(item -> item.put("_id", item.getObjectId("_id").toHexString()));
        return new Page<>(items, next);
    }

    private void insertIgnoringDuplicates(String collection, List<BsonDocument> records) {
        List<Document> toInsert = new ArrayList<>();
        for (BsonDocument record : records) {
            if (!record.containsKey(LAST_WRITE)) {
                continue;
            }
            Document lastWrite = Document.parse(record.getDocument(LAST_WRITE).toJson());
            String id = record.get("_id").asString().getValue();
            Document entry = new Document("_id", new ObjectId()).append("ref", collection + ":" + id + ":"
                    + record.get("version").asNumber().longValue()).append("collection", collection)
                    .append("recordId", id);
            entry.putAll(lastWrite);
            toInsert.add(entry);
        }
        if (toInsert.isEmpty()) {
            return;
        }
        try {
            entries.insertMany(toInsert, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }
}
