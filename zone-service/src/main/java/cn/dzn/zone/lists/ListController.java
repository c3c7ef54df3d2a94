package cn.dzn.zone.lists;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * {@code GET /api/lists/items} searches the items of every technology demand and
 * application-scenario list (seed 004 §四); the lists themselves are served by the kit
 * ({@code PUT /api/lists/{zoneId.kind.period}} publishes or revises one, If-Match to revise).
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
            @RequestParam(required = false) String zoneId, @RequestParam(required = false) String period,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        return lists.search(kind, zoneId, period, industry, q, PageRequest.of(limit, after));
    }
}
