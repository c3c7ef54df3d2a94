package cn.dzn.zone.zones;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

@RestController
@RequestMapping("/api/zones")
@Validated
public class ZoneController {

    private static final String REQUEST_ID = "X-Request-Id";

    private final ZoneService zones;

    public ZoneController(ZoneService zones) {
        this.zones = zones;
    }

    @PostMapping
    public ResponseEntity<Zone> create(@AuthenticationPrincipal Caller caller,
            @RequestHeader(name = REQUEST_ID, required = false) String requestId, @Valid @RequestBody ZoneInput input) {
        Zone zone = zones.create(caller, SyncEndpoints.requestIdOr(requestId), input);
        return ResponseEntity.created(URI.create("/api/zones/" + zone.id())).eTag(IfMatch.etag(zone.version()))
                .body(zone);
    }

    @GetMapping("/{id}")
    public ResponseEntity<Zone> get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Zone zone = zones.get(caller, id);
        return ResponseEntity.ok().eTag(IfMatch.etag(zone.version())).body(zone);
    }

    @GetMapping
    public Page<Zone> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String after) {
        return zones.list(caller, PageRequest.of(limit, after));
    }

    @PutMapping("/{id}")
    public ResponseEntity<Zone> update(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = REQUEST_ID, required = false) String requestId,
            @Valid @RequestBody ZoneInput input) {
        Zone zone = zones.update(caller, SyncEndpoints.requestIdOr(requestId), id, input,
                IfMatch.version(ifMatch, input.version()));
        return ResponseEntity.ok().eTag(IfMatch.etag(zone.version())).body(zone);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = REQUEST_ID, required = false) String requestId) {
        zones.delete(caller, SyncEndpoints.requestIdOr(requestId), id, IfMatch.version(ifMatch, null));
        return ResponseEntity.noContent().build();
    }
}
