package cn.dzn.store;

import java.util.Comparator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An H2 collection that answers a query sorted on {@code _id}, or on a field with an
 * {@link OrderedIndex}, by reading documents in that order from where the query's range on the
 * field starts until skip + limit of them have matched. The library's own path uses an index only
 * for {@code _id} equality, so a keyset page ({@code _id > cursor}, sort {@code _id}, limit n) or
 * a change-feed page ({@code seq > cursor}, sort {@code seq}) read and sorted every document of
 * the collection (docs/performance.md, "Paging at scale"; docs/federation.md).
 *
 * <p>The answer is the library's: the same matcher judges every document read, then the library's
 * own skip, limit, projection and cursor code runs; only which documents are read and in what
 * order changes. Anything else (other sorts, {@code $natural}, queries on other fields only,
 * non-string ids) takes the library's path.
 */
final class IdSeekingCollection extends H2Collection {

    private static final KeyRange.Field ID = new KeyRange.Field("_id", String.class::isInstance,
            Comparator.comparing(String.class::cast));

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
        if (!"_id".equals(getIdField()) || !onlyStringKeys()) {
            return null;
        }
        boolean unsorted = orderBy == null || orderBy.isEmpty();
        if (unsorted) {
            // Unsorted, the library already streams the map in key order and stops at the limit.
            KeyRange range = KeyRange.of(query, ID);
            return range == null || !range.bounded() ? null : byId(range, true);
        }
        if (orderBy.size() != 1 || !(orderBy.values().iterator().next() instanceof Number direction)) {
            return null;
        }
        // Read as the library's DocumentComparator reads it: a positive number ascends.
        boolean ascending = direction.intValue() > 0;
        String field = orderBy.keySet().iterator().next();
        if (field.equals("_id")) {
            KeyRange range = KeyRange.of(query, ID);
            return range == null ? null : byId(range, ascending);
        }
        OrderedIndex index = orderedIndexOn(field);
        KeyRange range = index == null ? null : KeyRange.of(query, new KeyRange.Field(field,
                bound -> bound instanceof Number || bound instanceof String, ValueComparator.asc()));
        if (range == null || !index.seekable(range)) {
            return null;
        }
        return index.positions(range, ascending).map(this::getDocument).filter(Objects::nonNull);
    }

    private OrderedIndex orderedIndexOn(String field) {
        OrderedIndex index = getIndexes().stream().filter(OrderedIndex.class::isInstance).map(OrderedIndex.class::cast)
                .filter(candidate -> candidate.field().equals(field)).findFirst().orElse(null);
        if (index == null) {
            return null;
        }
        synchronized (this) {
            // Queries and writes already hold this lock; taken again for any caller that does not.
            index.buildFrom(streamAllDocumentsWithPosition());
        }
        return index;
    }

    /**
     * The documents whose string key lies in the interval, in key order or its reverse: with only
     * string keys the map's order is String.compareTo, the order the library sorts strings in.
     */
    private Stream<Document> byId(KeyRange range, boolean ascending) {
        String start = (String) (ascending ? range.lower() : range.upper());
        String end = (String) (ascending ? range.upper() : range.lower());
        boolean startInclusive = ascending ? range.lowerInclusive() : range.upperInclusive();
        boolean endInclusive = ascending ? range.upperInclusive() : range.lowerInclusive();
        // The cursor's bounds are inclusive; an exclusive bound is dropped as the cursor meets it.
        Cursor<Object, Document> cursor = data.cursor(start, end, !ascending);
        return StreamSupport.stream(new Spliterators.AbstractSpliterator<Document>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super Document> action) {
                while (cursor.hasNext()) {
                    Object key = cursor.next();
                    if (!startInclusive && key.equals(start)) {
                        continue;
                    }
                    if (!endInclusive && key.equals(end)) {
                        return false;
                    }
                    action.accept(cursor.getValue());
                    return true;
                }
                return false;
            }
        }, false);
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
