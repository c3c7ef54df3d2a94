package cn.dzn.zone.lists;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.ne;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * Searching the items of every published list by kind, zone, period, industry and keyword, in
 * keyset pages ordered by list and position: the lists feature reads its own collection here,
 * item by item, which the kit's record pages cannot do. Publishing is the kit's (ListResource).
 */
@Service
class ListService {

    private final MongoCollection<PublishedList> stored;

    ListService(MongoDatabase database) {
        this.stored = database.getCollection("lists", PublishedList.class);
    }

    Page<ListItemHit> search(ListKind kind, String zoneId, String period, String industry, String keyword,
            PageRequest page) {
        String afterList = null;
        int afterIndex = -1;
        if (page.afterId() != null) {
            int hash = page.afterId().lastIndexOf('#');
            if (hash < 1 || !page.afterId().substring(hash + 1).matches("\\d{1,4}")) {
                throw Problems.badRequest("'after' is not a cursor this search handed out");
            }
            afterList = page.afterId().substring(0, hash);
            afterIndex = Integer.parseInt(page.afterId().substring(hash + 1));
        }
        List<Bson> filters = new ArrayList<>(List.of(ne("deleted", true)));
        if (kind != null) {
            filters.add(eq("kind", kind.name()));
        }
        if (zoneId != null) {
            filters.add(eq("zoneId", zoneId));
        }
        if (period != null) {
            filters.add(eq("period", period));
        }
        if (afterList != null) {
            filters.add(gte("_id", afterList));
        }
        String word = keyword == null || keyword.isBlank() ? null : keyword.strip().toLowerCase(Locale.ROOT);
        List<ListItemHit> hits = new ArrayList<>();
        for (PublishedList list : stored.find(and(filters)).sort(Sorts.ascending("_id"))) {
            int from = list.id().equals(afterList) ? afterIndex + 1 : 0;
            for (int i = from; i < list.items().size() && hits.size() <= page.limit(); i++) {
                ListItem item = list.items().get(i);
                if ((industry == null || item.industry().equals(industry)) && (word == null
                        || (item.description() + " " + item.contactOrg()).toLowerCase(Locale.ROOT).contains(word))) {
                    hits.add(ListItemHit.of(list, i));
                }
            }
            if (hits.size() > page.limit()) {
                break;
            }
        }
        String next = null;
        if (hits.size() > page.limit()) {
            hits.remove(hits.size() - 1);
            next = PageRequest.cursorAfter(hits.get(hits.size() - 1).cursor());
        }
        return new Page<>(hits, next);
    }
}
