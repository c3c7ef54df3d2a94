package cn.dzn.platform.sync;

import java.util.UUID;

import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import cn.dzn.platform.web.RequestIdFilter;

/**
 * The cross-tier endpoints of a resource. A service exposes them by extending this class in a
 * {@code @RestController} mapped at the resource's path, e.g. {@code /api/zones}.
 */
public abstract class SyncEndpoints<I, V> {

    private final RecordStore<I, V> store;

    protected SyncEndpoints(RecordStore<I, V> store) {
        this.store = store;
    }

    @PostMapping(path = "/sync", consumes = MediaType.APPLICATION_JSON_VALUE)
    public SyncAnswer sync(@AuthenticationPrincipal Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Request-Id", required = false) String requestId, @RequestBody byte[] body) {
        return store.sync(caller, requestIdOr(requestId), idempotencyKey, body);
    }

    @GetMapping("/changes")
    public Change.Page<V> changes(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String since, @RequestParam(required = false) Integer limit) {
        return store.changes(caller, since, limit);
    }

    @GetMapping("/audit")
    public Page<Document> audit(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String after) {
        return store.audit(caller, PageRequest.of(limit, after));
    }

    /** The gateway's request id, or the one this service gave a call made around the gateway. */
    public static String requestIdOr(String requestId) {
        if (RequestIdFilter.current() != null) {
            return RequestIdFilter.current();
        }
        return requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
    }
}
