package cn.dzn.gateway.clients;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.dzn.platform.identity.Caller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers "who holds this key?" for every proxied request. Answers, including "nobody", are
 * cached by key hash for a short time so the store is not asked on each request; revoking or
 * rotating on this instance evicts at once, other instances follow within the cache TTL (30 s).
 */
@Component
public class ClientDirectory {

    // Longer keys are not ours: refuse them before hashing or caching anything.
    private static final int MAX_KEY_LENGTH = 256;

    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private final ApiClientStore store;
    private final ApiKeys keys;
    private final AsyncCache<String, Optional<Caller>> byHash;
    // When this instance last wrote a client's lastUsedAt: a write per request would cost a store
    // round trip each; once a minute is what "last used" needs.
    private final Cache<String, Instant> usedRecorded = Caffeine.newBuilder()
            .expireAfterWrite(USE_RECORDED_EVERY).maximumSize(50_000).executor(Runnable::run).build();

    ClientDirectory(ApiClientStore store, ApiKeys keys, ApiKeyProperties properties) {
        this.store = store;
        this.keys = keys;
        // Bounded, so a flood of made-up keys cannot grow the cache without limit. Upkeep on the
        // calling thread, as for the gateway's other caches (RateLimitSetup); lookups of the store
        // run on their own scheduler (lookup).
        this.byHash = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(50_000)
                .executor(Runnable::run).buildAsync();
    }

    /** The caller holding {@code apiKey}, or empty for an unknown or revoked key. */
    public Mono<Caller> callerFor(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > MAX_KEY_LENGTH) {
            return Mono.empty();
        }
        String hash = keys.hash(apiKey);
        // suppressCancel: one cancelled request must not cancel a lookup other requests wait on.
        return Mono.fromFuture(byHash.get(hash, (h, executor) -> lookup(h).toFuture()), true)
                .flatMap(Mono::justOrEmpty)
                .doOnNext(this::recordUse);
    }

    private void recordUse(Caller caller) {
        if (usedRecorded.asMap().putIfAbsent(caller.clientId(), Instant.now()) == null) {
            Mono.fromRunnable(() -> store.markUsed(caller.clientId(), Instant.now()))
                    .subscribeOn(Schedulers.boundedElastic()).onErrorComplete().subscribe();
        }
    }

    void forget(String keyHash) {
        byHash.synchronous().invalidate(keyHash);
    }

    private Mono<Optional<Caller>> lookup(String keyHash) {
        return Mono.fromCallable(() -> store.findActiveByHash(keyHash, Instant.now()).map(ApiClient::caller))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
