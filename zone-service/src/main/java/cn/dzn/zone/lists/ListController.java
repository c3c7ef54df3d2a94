package cn.dzn.zone.lists;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.sync.SyncEndpoints;
import cn.dzn.platform.web.IfMatch;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import jakarta.validation.Valid;

/**
 * {@code /api/lists}: technology demand and application-scenario lists (seed 004 §四).
 * {@code PUT /{zoneId.kind.period}} publishes or revises one (If-Match to revise);
 * {@code GET /items} searches the items of every list.
 */
@RestController
@RequestMapping("/api/lists")
public class ListController {

    private final ListService lists;

    public ListController(ListService lists) {
        this.lists = lists;
    }

    @PutMapping("/{id}")
    public ResponseEntity<PublishedList> put(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = "X-Request-Id", required = false) String requestId, @Valid @RequestBody ListInput input) {
        Long expected = ifMatch == null && input.version() == null ? null : IfMatch.version(ifMatch, input.version());
        PublishedList list = lists.put(caller, SyncEndpoints.requestIdOr(requestId), id, input, expected);
        return ResponseEntity.ok().eTag(IfMatch.etag(list.version())).body(list);
    }

    @GetMapping("/{id}")
    public ResponseEntity<PublishedList> get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        PublishedList list = lists.get(caller, id);
        return ResponseEntity.ok().eTag(IfMatch.etag(list.version())).body(list);
    }

    @GetMapping("/items")
    public Page<ListItemHit> search(@RequestParam(required = false) ListKind kind,
            @RequestParam(required = false) String zoneId, @RequestParam(required = false) String period,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        return lists.search(kind, zoneId, period, industry, q, PageRequest.of(limit, after));
    }
}
