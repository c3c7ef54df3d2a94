package cn.dzn.gateway.clients;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.bson.types.ObjectId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** API clients, managed by national administrators and served by the gateway itself. */
@RestController
@RequestMapping("/api/clients")
class ClientsController {

    private final ApiClientStore store;
    private final ApiKeys keys;
    private final ClientDirectory directory;
    private final ApiKeyProperties properties;

    ClientsController(ApiClientStore store, ApiKeys keys, ClientDirectory directory, ApiKeyProperties properties) {
        this.store = store;
        this.keys = keys;
        this.directory = directory;
        this.properties = properties;
    }

    /** The body is taken as a Mono so that a non-admin gets 403 before its body is even read. */
    @PostMapping
    Mono<ResponseEntity<CreatedClient>> create(@AuthenticationPrincipal Caller caller,
            @Validated @RequestBody Mono<NewClient> body) {
        return Mono.fromRunnable(caller::requireAdmin).then(body).flatMap(request -> blocking(() -> {
            String apiKey = keys.generate();
            ApiClient client = new ApiClient(new ObjectId().toHexString(), request.name().strip(),
                    keys.hash(apiKey), request.regionCode(), request.roles(), Instant.now(), null, null, null, null, null);
            store.insert(client);
            return ResponseEntity.created(URI.create("/api/clients/" + client.id()))
                    .body(CreatedClient.of(client, apiKey));
        }));
    }

    @GetMapping
    Mono<Page<ClientView>> list(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) @Size(max = 200) String after) {
        return blocking(() -> {
            caller.requireAdmin();
            Page<ApiClient> page = store.page(PageRequest.of(limit, after));
            return new Page<>(page.items().stream().map(ClientView::of).toList(), page.next());
        });
    }

    /**
     * A new key for the client; the one it replaces keeps working for the grace period
     * ({@code dzn.api-keys.rotation-grace}, 24 h) so the bureau can switch without downtime.
     */
    @PostMapping("/{id}/rotate")
    Mono<ResponseEntity<RotatedKey>> rotate(@AuthenticationPrincipal Caller caller,
            @PathVariable @Size(max = 64) String id) {
        return blocking(() -> {
            caller.requireAdmin();
            if (ApiClientStore.BOOTSTRAP_ID.equals(id)) {
                throw Problems.conflict(
                        "the bootstrap administrator follows DZN_ADMIN_KEY; change the variable instead");
            }
            String apiKey = keys.generate();
            Instant graceUntil = Instant.now().plus(properties.rotationGrace());
            ApiClient before = store.rotate(id, keys.hash(apiKey), graceUntil)
                    .orElseThrow(() -> Problems.notFound("live API client " + id));
            // The key before last stops working now. The one just replaced keeps its grace period:
            // forgotten too, as its cached answer knows no end, and its next lookup learns when
            // the grace ends (ClientDirectory).
            directory.forget(before.keyHash(), before.previousKeyHash());
            return ResponseEntity.ok(new RotatedKey(id, apiKey, graceUntil));
        });
    }

    /** The new key, shown this once, and until when the previous one still works. */
    record RotatedKey(@Size(max = 64) String id, @Size(max = 64) String apiKey, Instant previousKeyValidUntil) {
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> revoke(@AuthenticationPrincipal Caller caller,
            @PathVariable @Size(max = 64) String id) {
        return blocking(() -> {
            caller.requireAdmin();
            if (ApiClientStore.BOOTSTRAP_ID.equals(id)) {
                throw Problems.conflict(
                        "the bootstrap administrator follows DZN_ADMIN_KEY; change the variable instead");
            }
            Optional<ApiClient> revoked = store.revoke(id, Instant.now());
            ApiClient client = revoked.orElseThrow(() -> Problems.notFound("API client " + id));
            // Every key the client has: the current one, and a replaced one still in its grace.
            directory.forget(client.keyHash(), client.previousKeyHash());
            return ResponseEntity.noContent().build();
        });
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
