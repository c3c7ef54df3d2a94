package cn.dzn.store;

import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An H2 collection that answers a query on an {@code _id} range, sorted by {@code _id}, from the
 * {@code _id}-ordered map the documents are stored in: it seeks to the range's start and reads
 * documents in order until skip + limit of them have matched. The library's own path uses an
 * index only for {@code _id} equality, so a keyset page ({@code _id > cursor}, sort {@code _id},
 * limit n) read and sorted every document of the collection (docs/performance.md, "Paging at
 * scale").
 *
 * <p>The answer is the library's: the same matcher judges every document read, then the library's
 * own skip, limit, projection and cursor code runs; only which documents are read and in what
 * order changes. Anything else (other sorts, {@code $natural}, queries on other fields only,
 * non-string ids) takes the library's path.
 */
final class IdSeekingCollection extends H2Collection {

    private final MVMap<Object, Document> data;
    private final LongAdder documentsRead = new LongAdder();

    IdSeekingCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, data, meta, cursorRegistry);
        this.data = data;
    }

    /** Documents the seek path has read, for tests to tell a seek from a scan. */
    long documentsRead() {
        return documentsRead.sum();
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        Stream<Document> inOrder = seek(query, orderBy);
        if (inOrder == null) {
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        // No comparator: the documents already come in the order asked for. Skip and limit are
        // lazy on this sequential stream, so reading stops at the last document needed.
        return matchDocumentsFromStream(query, inOrder.peek(document -> documentsRead.increment()),
                numberToSkip, limit, batchSize, null, fieldSelector);
    }

    /** The candidates in the order the query asks for, or null when the library must answer. */
    private Stream<Document> seek(Document query, Document orderBy) {
        boolean unsorted = orderBy == null || orderBy.isEmpty();
        Boolean ascending = unsorted ? Boolean.TRUE : idOrder(orderBy);
        if (ascending == null || !"_id".equals(getIdField()) || !onlyStringKeys()) {
            return null;
        }
        IdRange range = IdRange.of(query);
        // Unsorted, the library already streams the map in key order and stops at the limit.
        if (range == null || unsorted && !range.bounded()) {
            return null;
        }
        return range.documents(data, ascending);
    }

    /**
     * TRUE for a sort on {@code _id} ascending, FALSE descending, null for any other sort. Read as
     * the library's DocumentComparator reads it: a positive number ascends, anything else descends.
     */
    private static Boolean idOrder(Document orderBy) {
        if (orderBy.size() == 1 && orderBy.get("_id") instanceof Number direction) {
            return direction.intValue() > 0;
        }
        return null;
    }

    /**
     * The map (H2's ObjectDataType) orders keys by type first, so the string keys form one block
     * and, when the first and last keys are strings, all are. Among strings its order is
     * String.compareTo, the library's order for strings; across types the two orders differ.
     */
    private boolean onlyStringKeys() {
        return data.isEmpty() || data.firstKey() instanceof String && data.lastKey() instanceof String;
    }
}
