package cn.dzn.store;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A secondary index on one field, in memory, in the order the library sorts that field in. The
 * library ignores every secondary index (it keeps an EmptyIndex and scans), so a change-feed page
 * ({@code seq > cursor}, sort {@code seq}, limit n) read and sorted every document of its
 * collection, and held the collection's lock meanwhile: a relay following a feed fell further
 * behind as the collection grew (docs/federation.md). This index never answers a query itself
 * ({@link #canHandle} is false, so the library's index path, which sorts all it finds, is never
 * taken); {@link IdSeekingCollection} reads it in order and stops at the limit.
 *
 * <p>It is built on the first query sorted on its field (an index nobody sorts on, such as
 * {@code regionCode}, costs no memory) and kept from then on; the collection's lock, held by
 * every query and write, orders the building with the writes. Equal values are read in {@code _id}
 * order, the order of the library's stable sort over its scan. A value that is an array or a
 * document sorts by rules of its own, and so does a document without an {@code _id}: while one is
 * held the index declines every seek.
 */
final class OrderedIndex extends Index<Object> {

    private static final Comparator<Object> ORDER = ValueComparator.asc();

    /** The positions sharing one value; a value held by one document maps to its position alone. */
    private static final class Ties extends ConcurrentSkipListSet<Object> {

        private static final long serialVersionUID = 1L;

        Ties(Object first, Object second) {
            super(ORDER);
            add(first);
            add(second);
        }
    }

    private final String field;
    private final NavigableMap<Object, Object> byValue = new ConcurrentSkipListMap<>(ORDER);
    private final LongAdder unvalued = new LongAdder();
    private final LongAdder unplaced = new LongAdder();
    private final LongAdder bigWholes = new LongAdder();
    private final LongAdder fractions = new LongAdder();
    private final Set<Object> nonScalar = ConcurrentHashMap.newKeySet();
    private final LongAdder count = new LongAdder();
    private volatile boolean built;
    private volatile boolean stale;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
    }

    String field() {
        return field;
    }

    /**
     * Builds the index from {@code documents} unless built, or builds it again once numbers that
     * cannot share its order (see {@link #numbers}) no longer stand side by side in it; called
     * under the collection's lock.
     */
    void buildFrom(Stream<DocumentWithPosition<Object>> documents) {
        if (built && !(stale && !mixed())) {
            return;
        }
        drop();
        documents.forEach(document -> put(document.getDocument(), document.getPosition()));
        built = true;
        stale = mixed();
    }

    private boolean mixed() {
        return bigWholes.sum() > 0 && fractions.sum() > 0;
    }

    /**
     * Whether the documents {@code range} may match can all be read in the library's sort order:
     * none holds an array or a document, and unless a bound (a number or a string, which null and
     * missing never match) leaves them out, none lacks a value (those are counted, not held, so a
     * million records without the field cost nothing here).
     */
    boolean seekable(KeyRange range) {
        return !stale && nonScalar.isEmpty() && unplaced.sum() == 0 && (range.bounded() || unvalued.sum() == 0);
    }

    /**
     * The positions of the documents whose value lies in {@code range}, in sort order or its
     * reverse; only when {@link #seekable} says so.
     */
    Stream<Object> positions(KeyRange range, boolean ascending) {
        NavigableMap<Object, Object> values = byValue;
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
        return (ascending ? values : values.descendingMap()).values().stream()
                .flatMap(held -> held instanceof Ties ties ? ties.stream() : Stream.of(held));
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        if (built) {
            put(document, position);
        }
    }

    @Override
    public Object remove(Document document) {
        Object position = document.get("_id");
        if (built) {
            take(document, position);
        }
        return position;
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        if (built) {
            take(oldDocument, position);
            put(newDocument, position);
        }
    }

    private void put(Document document, Object position) {
        // Collection-aware: a dotted path through an array yields the array (the matcher and the
        // sort look inside it), so such a document declines seeks instead of counting as unvalued.
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        count.increment();
        if (position == null) {
            unplaced.increment();
        } else if (Missing.isNullOrMissing(value)) {
            unvalued.increment();
        } else if (value instanceof Collection<?> || value instanceof Document) {
            nonScalar.add(position);
        } else {
            numbers(value, 1);
            // Keys merged while both kinds stood side by side stay merged: rebuilt once one is gone.
            stale |= mixed();
            byValue.merge(value, position, OrderedIndex::tie);
        }
    }

    private void take(Document document, Object position) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        count.decrement();
        if (position == null) {
            unplaced.decrement();
        } else if (Missing.isNullOrMissing(value)) {
            unvalued.decrement();
        } else if (value instanceof Collection<?> || value instanceof Document) {
            nonScalar.remove(position);
        } else {
            numbers(value, -1);
            byValue.computeIfPresent(value, (v, held) -> untie(held, position));
        }
    }

    /**
     * The library compares two numbers by their long values when either is a whole number beyond
     * the int range, and by their double values otherwise: 3000000000 then equals 3000000000.5,
     * an order the map cannot hold. Once both kinds were held, the index declines until it is
     * built again without them side by side.
     */
    private void numbers(Object value, int change) {
        if (value instanceof Number number) {
            Number normalized = Utils.normalizeNumber(number);
            if (normalized instanceof Long) {
                bigWholes.add(change);
            } else if (!(normalized instanceof Integer || normalized instanceof Short || normalized instanceof Byte)) {
                fractions.add(change);
            }
        }
    }

    private static Object tie(Object held, Object position) {
        if (held instanceof Ties ties) {
            ties.add(position);
            return ties;
        }
        return new Ties(held, position);
    }

    private static Object untie(Object held, Object position) {
        if (!(held instanceof Ties ties)) {
            return held.equals(position) ? null : held;
        }
        ties.remove(position);
        return ties.size() == 1 ? ties.first() : ties;
    }

    /**
     * The library asks this only when {@link #remove} names no position (a document whose
     * {@code _id} is null, which this index does not place), and for the index's description; the
     * EmptyIndex this index replaces answered true too. The option the index was created with
     * (what {@code createIndex} compares) is kept as given.
     */
    @Override
    protected boolean isSparse() {
        return true;
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
        return count.sum();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        built = false;
        stale = false;
        byValue.clear();
        unvalued.reset();
        unplaced.reset();
        bigWholes.reset();
        fractions.reset();
        nonScalar.clear();
        count.reset();
    }
}
