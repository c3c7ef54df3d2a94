package cn.dzn.zone.lists;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import cn.dzn.zone.PageApiDocs;
import cn.dzn.zone.periods.Period;
import cn.dzn.zone.zones.Zone;
import jakarta.validation.constraints.Size;

/**
 * {@code GET /api/lists/items} searches the items of every technology demand and
 * application-scenario list (seed 004 §四); the lists themselves are served by the kit
 * ({@code PUT /api/lists/{zoneId.kind.period}} publishes or revises one, If-Match to revise).
 * A filter longer than any stored value could be is refused (400): it could match nothing, and a
 * keyword longer than a description finds none.
 */
@RestController
@RequestMapping("/api/lists")
class ListController {

    private final ListService lists;

    ListController(ListService lists) {
        this.lists = lists;
    }

    @GetMapping("/items")
    Page<ListItemHit> search(@RequestParam(required = false) ListKind kind,
            @RequestParam(required = false) @Size(max = Zone.MAX_ID) String zoneId,
            @RequestParam(required = false) @Size(max = Period.MAX_LENGTH) String period,
            @RequestParam(required = false) @Size(max = ListItem.MAX_INDUSTRY) String industry,
            @RequestParam(required = false) @Size(max = ListItem.MAX_DESCRIPTION) String q,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) @Size(max = PageApiDocs.MAX_CURSOR) String after) {
        return lists.search(kind, zoneId, period, industry, q, PageRequest.of(limit, after));
    }
}
