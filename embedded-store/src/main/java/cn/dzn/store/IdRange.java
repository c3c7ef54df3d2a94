package cn.dzn.store;

import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The string {@code _id} interval that every match of a query lies in, read from its {@code _id}
 * comparisons with a string, at the top level or inside {@code $and} at any depth. Each of those is
 * a condition every match must meet (the library's matcher holds all of them, and compares a
 * string only with strings), so documents outside the interval cannot match. Everything else in
 * the query is left to the matcher, which still judges each document the interval yields. Null
 * bounds are open.
 */
record IdRange(String lower, boolean lowerInclusive, String upper, boolean upperInclusive) {

    static final IdRange ALL = new IdRange(null, true, null, true);

    /**
     * The interval, or null for a query with a top-level operator not read here ($expr, $where,
     * malformed $and/$or/$nor...): the library's path answers those, errors included.
     */
    static IdRange of(Document query) {
        return narrow(ALL, query);
    }

    boolean bounded() {
        return lower != null || upper != null;
    }

    /**
     * The documents whose key lies in the interval, in key order or its reverse. Only meaningful
     * when every key of {@code data} is a string: then the map's order is String.compareTo, the
     * order the library sorts strings in.
     */
    Stream<Document> documents(MVMap<Object, Document> data, boolean ascending) {
        String start = ascending ? lower : upper;
        String end = ascending ? upper : lower;
        boolean startInclusive = ascending ? lowerInclusive : upperInclusive;
        boolean endInclusive = ascending ? upperInclusive : lowerInclusive;
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

    private static IdRange narrow(IdRange range, Document query) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String key = condition.getKey();
            Object value = condition.getValue();
            switch (key) {
                case "_id" -> range = range.narrowedBy(value);
                case "$and" -> {
                    List<Document> clauses = clauses(value);
                    if (clauses == null) {
                        return null;
                    }
                    for (Document clause : clauses) {
                        range = narrow(range, clause);
                        if (range == null) {
                            return null;
                        }
                    }
                }
                case "$or", "$nor" -> {
                    if (clauses(value) == null) {
                        return null;
                    }
                }
                case "$comment" -> {
                }
                default -> {
                    if (key.startsWith("$")) {
                        return null;
                    }
                }
            }
        }
        return range;
    }

    /** The clauses of $and/$or/$nor, or null where the library would refuse them. */
    @SuppressWarnings("unchecked")
    private static List<Document> clauses(Object value) {
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Document.class::isInstance)) {
            return (List<Document>) list;
        }
        return null;
    }

    private IdRange narrowedBy(Object condition) {
        if (condition instanceof String id) {
            return above(id, true).below(id, true);
        }
        // With $regex the matcher checks only the pattern and ignores the other operators.
        if (!(condition instanceof Document operators) || BsonRegularExpression.isRegularExpression(operators)) {
            return this;
        }
        IdRange range = this;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            if (operator.getValue() instanceof String bound) {
                range = switch (operator.getKey()) {
                    case "$gt" -> range.above(bound, false);
                    case "$gte" -> range.above(bound, true);
                    case "$lt" -> range.below(bound, false);
                    case "$lte" -> range.below(bound, true);
                    case "$eq" -> range.above(bound, true).below(bound, true);
                    default -> range;
                };
            }
        }
        return range;
    }

    private IdRange above(String bound, boolean inclusive) {
        int cmp = lower == null ? 1 : bound.compareTo(lower);
        if (cmp < 0) {
            return this;
        }
        return new IdRange(bound, cmp == 0 ? inclusive && lowerInclusive : inclusive, upper, upperInclusive);
    }

    private IdRange below(String bound, boolean inclusive) {
        int cmp = upper == null ? -1 : bound.compareTo(upper);
        if (cmp > 0) {
            return this;
        }
        return new IdRange(lower, lowerInclusive, bound, cmp == 0 ? inclusive && upperInclusive : inclusive);
    }
}
