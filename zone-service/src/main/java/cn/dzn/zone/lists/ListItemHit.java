package cn.dzn.zone.lists;

import java.math.BigDecimal;

import cn.dzn.zone.periods.Period;
import cn.dzn.zone.zones.Zone;
import jakarta.validation.constraints.Size;

/** An item found by a search, with the list it belongs to and its place in it. */
public record ListItemHit(
        @Size(max = PublishedList.MAX_ID) String listId,
        @Size(max = Zone.MAX_ID) String zoneId,
        ListKind kind,
        @Size(max = Period.MAX_LENGTH) String period,
        int index,
        @Size(max = ListItem.MAX_INDUSTRY) String industry,
        @Size(max = ListItem.MAX_DESCRIPTION) String description,
        BigDecimal budget,
        @Size(max = ListItem.MAX_CONTACT_ORG) String contactOrg) {

    static ListItemHit of(PublishedList list, int index) {
        ListItem item = list.items().get(index);
        return new ListItemHit(list.id(), list.zoneId(), list.kind(), list.period(), index, item.industry(),
                item.description(), item.budget(), item.contactOrg());
    }

    String cursor() {
        return listId + "#" + index;
    }
}
