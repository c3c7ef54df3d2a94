package cn.dzn.zone.lists;

import java.math.BigDecimal;

/** An item found by a search, with the list it belongs to and its place in it. */
public record ListItemHit(String listId, String zoneId, ListKind kind, String period, int index, String industry,
        String description, BigDecimal budget, String contactOrg) {

    static ListItemHit of(PublishedList list, int index) {
        ListItem item = list.items().get(index);
        return new ListItemHit(list.id(), list.zoneId(), list.kind(), list.period(), index, item.industry(),
                item.description(), item.budget(), item.contactOrg());
    }

    String cursor() {
        return listId + "#" + index;
    }
}
