package cn.dzn.store;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A secondary index on one field, kept in memory (rebuilt from the documents when the store
 * opens) in the order the library sorts that field in. The library ignores every secondary index
 * (it keeps an EmptyIndex and scans), so a change-feed page ({@code seq > cursor}, sort
 * {@code seq}, limit n) read and sorted every document of its collection: a relay reading a feed
 * slowed down as the collection grew (docs/federation.md). This index never answers a query
 * itself ({@link #canHandle} is false, so the library's own index path, which sorts all it
 * finds, is never taken); {@link IdSeekingCollection} reads it in order and stops at the limit.
 *
 * <p>Documents whose value is null or missing sort first, as the library sorts them; equal values
 * are read in {@code _id} order, the order of the library's stable sort over its scan. A document
 * whose value is an array or a document has a sort order of its own: while one is held the index
 * declines every seek.
 */
final class OrderedIndex extends Index<Object> {

    private static final Comparator<Object> ORDER = ValueComparator.asc();

    private final String field;
    private final NavigableMap<Object, NavigableSet<Object>> positionsByValue = new ConcurrentSkipListMap<>(ORDER);
    private final NavigableSet<Object> unvalued = new ConcurrentSkipListSet<>(ORDER);
    private final Map<Object, Object> valueByPosition = new ConcurrentHashMap<>();
    private final Map<Object, Boolean> nonScalar = new ConcurrentHashMap<>();

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
    }

    String field() {
        return field;
    }

    /** Whether every value held can be read in the library's sort order. */
    boolean seekable() {
        return nonScalar.isEmpty();
    }

    /** The positions of the documents whose value lies in {@code range}, in sort order or its reverse. */
    Stream<Object> positions(KeyRange range, boolean ascending) {
        NavigableMap<Object, NavigableSet<Object>> values = positionsByValue;
        if (range.lower() != null && range.upper() != null) {
            if (ORDER.compare(range.lower(), range.upper()) > 0) {
                return Stream.empty();
            }
            values = values.subMap(range.lower(), range.lowerInclusive(), range.upper(), range.upperInclusive());
        } else if (range.lower() != null) {
            values = values.tailMap(range.lower(), range.lowerInclusive());
        } else if (range.upper() != null) {
            values = values.headMap(range.upper(), range.upperInclusive());
        }
        Stream<Object> valued = (ascending ? values : values.descendingMap()).values().stream()
                .flatMap(Collection::stream);
        if (range.bounded()) {
            // A bound is a number or a string, which null and missing never match.
            return valued;
        }
        return ascending ? Stream.concat(unvalued.stream(), valued) : Stream.concat(valued, unvalued.stream());
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        Object value = Missing.ofNullable(Utils.getSubdocumentValue(document, field));
        valueByPosition.put(position, value);
        if (Missing.isNullOrMissing(value)) {
            unvalued.add(position);
        } else if (value instanceof Collection<?> || value instanceof Document) {
            nonScalar.put(position, Boolean.TRUE);
        } else {
            positionsByValue.computeIfAbsent(value, v -> new ConcurrentSkipListSet<>(ORDER)).add(position);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = document.get("_id");
        Object value = valueByPosition.remove(position);
        if (value == null) {
            return position;
        }
        unvalued.remove(position);
        nonScalar.remove(position);
        NavigableSet<Object> positions = positionsByValue.get(value);
        if (positions != null && positions.remove(position) && positions.isEmpty()) {
            positionsByValue.remove(value, positions);
        }
        return position;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public Object getPosition(Document document) {
        // Not unique: it never names the one document a write is about.
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("read in order through IdSeekingCollection");
    }

    @Override
    public long getCount() {
        return valueByPosition.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        unvalued.clear();
        valueByPosition.clear();
        nonScalar.clear();
    }
}
