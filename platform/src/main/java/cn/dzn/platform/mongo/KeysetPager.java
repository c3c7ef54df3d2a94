package cn.dzn.platform.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bson.conversions.Bson;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;

import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * The one pager of the code base: a page of documents in {@code _id} order, found by an index
 * seek past the last id of the page before, so page 20,000 costs what page 1 does
 * (docs/performance.md). It reads one document more than asked for to know whether there is a
 * next page.
 */
public final class KeysetPager {

    private KeysetPager() {
    }

    /** A page of documents with string ids. */
    public static <D> Page<D> page(MongoCollection<D> collection, Bson filter, PageRequest request,
            Function<D, String> idOf) {
        return page(seek -> collection.find(seek), filter, request, idOf, id -> id);
    }

    /**
     * A page of what {@code find} finds; {@code keyOf} turns a cursor's id back into the stored
     * {@code _id} (an ObjectId, say), {@code idOf} gives a document's id as the cursor holds it.
     */
    public static <D> Page<D> page(Function<Bson, FindIterable<D>> find, Bson filter, PageRequest request,
            Function<D, String> idOf, Function<String, ?> keyOf) {
        Bson seek = request.afterId() == null ? filter : and(filter, gt("_id", keyOf.apply(request.afterId())));
        List<D> items = find.apply(seek).sort(Sorts.ascending("_id")).limit(request.limit() + 1)
                .into(new ArrayList<>());
        String next = null;
        if (items.size() > request.limit()) {
            items.remove(items.size() - 1);
            next = PageRequest.cursorAfter(idOf.apply(items.get(items.size() - 1)));
        }
        return new Page<>(items, next);
    }
}
