package cn.dzn.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The interval of one field that every match of a query lies in, read from the field's
 * comparisons with usable bounds, at the top level or inside {@code $and} at any depth. Each of
 * those is a condition every match must meet (the library's matcher holds all of them, and compares
 * a value only with values of its own type), so documents outside the interval cannot match.
 * Everything else in the query is left to the matcher, which still judges each document the
 * interval yields. Null bounds are open.
 */
record KeyRange(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {

    static final KeyRange ALL = new KeyRange(null, true, null, true);

    /** Which field is read, which bounds narrow it, and in which order the seek reads its values. */
    record Field(String name, Predicate<Object> usable, Comparator<Object> order) {
    }

    /**
     * The interval, or null for a query with a top-level operator not read here ($expr, $where,
     * malformed $and/$or/$nor...): the library's path answers those, errors included.
     */
    static KeyRange of(Document query, Field field) {
        return ALL.narrow(query, field);
    }

    boolean bounded() {
        return lower != null || upper != null;
    }

    private KeyRange narrow(Document query, Field field) {
        KeyRange range = this;
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String key = condition.getKey();
            Object value = condition.getValue();
            if (key.equals(field.name())) {
                range = range.narrowedBy(value, field);
            } else if (key.equals("$and")) {
                List<Document> clauses = clauses(value);
                if (clauses == null) {
                    return null;
                }
                for (Document clause : clauses) {
                    range = range.narrow(clause, field);
                    if (range == null) {
                        return null;
                    }
                }
            } else if (key.equals("$or") || key.equals("$nor")) {
                if (clauses(value) == null) {
                    return null;
                }
            } else if (key.startsWith("$") && !key.equals("$comment")) {
                return null;
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

    private KeyRange narrowedBy(Object condition, Field field) {
        if (field.usable().test(condition)) {
            return above(condition, true, field).below(condition, true, field);
        }
        // With $regex the matcher checks only the pattern and ignores the other operators.
        if (!(condition instanceof Document operators) || BsonRegularExpression.isRegularExpression(operators)) {
            return this;
        }
        KeyRange range = this;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            Object bound = operator.getValue();
            if (field.usable().test(bound)) {
                range = switch (operator.getKey()) {
                    case "$gt" -> range.above(bound, false, field);
                    case "$gte" -> range.above(bound, true, field);
                    case "$lt" -> range.below(bound, false, field);
                    case "$lte" -> range.below(bound, true, field);
                    case "$eq" -> range.above(bound, true, field).below(bound, true, field);
                    default -> range;
                };
            }
        }
        return range;
    }

    private KeyRange above(Object bound, boolean inclusive, Field field) {
        int cmp = lower == null ? 1 : field.order().compare(bound, lower);
        if (cmp < 0) {
            return this;
        }
        return new KeyRange(bound, cmp == 0 ? inclusive && lowerInclusive : inclusive, upper, upperInclusive);
    }

    private KeyRange below(Object bound, boolean inclusive, Field field) {
        int cmp = upper == null ? -1 : field.order().compare(bound, upper);
        if (cmp > 0) {
            return this;
        }
        return new KeyRange(lower, lowerInclusive, bound, cmp == 0 ? inclusive && upperInclusive : inclusive);
    }
}
