package cn.dzn.platform.resources;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.web.IfMatch;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * The HTTP surface every declared resource gets at its path (docs/sync.md), one instance per
 * {@link RecordStore}, mapped by {@link ResourceRoutes}: list, create, read, replace, delete,
 * its state changes, sync, the change feed and the audit trail. Thin: the store and
 * {@link ApiWrites} decide.
 */
@ResponseBody
class ResourceEndpoints<I, V> {

    private final RecordStore<I, V> store;
    private final ApiWrites<I, V> writes;
    private final String path;

    ResourceEndpoints(RecordStore<I, V> store, RecordBinder binder) {
        this.store = store;
        this.writes = new ApiWrites<>(store, binder);
        this.path = store.declaration().path();
    }

    RecordStore<I, V> store() {
        return store;
    }

    public Page<V> list(@AuthenticationPrincipal Caller caller, @RequestParam Map<String, String> query) {
        List<Bson> filters = new ArrayList<>();
        for (ResourceDeclaration.ListFilter filter : store.declaration().listFilters()) {
            String value = query.get(filter.parameter());
            if (value != null) {
                filters.add(eq(filter.field(), filter.value(value)));
            }
        }
        return store.page(caller, filters.isEmpty() ? empty() : and(filters),
                PageRequest.of(limit(query.get("limit")), query.get("after")));
    }

    public ResponseEntity<V> create(@AuthenticationPrincipal Caller caller, @RequestBody byte[] body) {
        ApiWrites.Written<V> written = writes.create(caller, body);
        return ResponseEntity.status(written.outcome() == Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(path + "/" + written.id())).eTag(IfMatch.etag(written.version())).body(written.record());
    }

    public ResponseEntity<V> get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        BsonDocument stored = store.stored(caller, id);
        if (stored == null) {
            throw store.notFound(id);
        }
        return answer(new ApiWrites.Written<>(Outcome.UNCHANGED, id, store.decode(stored),
                RecordDecisions.versionOf(stored)));
    }

    public ResponseEntity<V> put(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody byte[] body) {
        return answer(writes.put(caller, id, ifMatch, body));
    }

    public ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        writes.delete(caller, id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    public ResponseEntity<V> transition(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @PathVariable String transition, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) byte[] body) {
        ResourceDeclaration.Transition declared = store.declaration().transitions().stream()
                .filter(candidate -> candidate.name().equals(transition)).findFirst()
                .orElseThrow(() -> Problems.notFound("the action " + transition));
        return answer(writes.transition(caller, id, declared, ifMatch, body));
    }

    public SyncAnswer sync(@AuthenticationPrincipal Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody byte[] body) {
        return store.sync(caller, idempotencyKey, body);
    }

    public Change.Page<V> changes(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String since, @RequestParam(required = false) String limit) {
        return store.changes(caller, since, limit(limit));
    }

    public Page<Document> audit(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String after) {
        return store.audit(caller, PageRequest.of(limit(limit), after));
    }

    private ResponseEntity<V> answer(ApiWrites.Written<V> written) {
        return ResponseEntity.ok().eTag(IfMatch.etag(written.version())).body(written.record());
    }

    private static Integer limit(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw Problems.badRequest("limit must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
        }
    }
}
