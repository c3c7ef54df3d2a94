package cn.dzn.gateway.clients;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import cn.dzn.platform.identity.Caller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers "who holds this key?" for every proxied request. Answers, including "nobody", are
 * cached by key hash so the store is not asked on each request, each for at most the cache TTL
 * ({@code dzn.api-keys.cache-ttl}, 5 s) counted from the moment the store was asked, and a key in
 * its rotation grace period no later than the grace ends. Revoking or rotating on this instance
 * forgets every key of the client at once; other instances sharing the store follow within the
 * TTL, the bound docs/decisions.md states.
 */
@Component
public class ClientDirectory {

    // Longer keys are not ours: refuse them before hashing or caching anything.
    private static final int MAX_KEY_LENGTH = 256;

    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private final ApiClientStore store;
    private final ApiKeys keys;
    private final long ttlNanos;
    // The cache's own clock, so that an answer's deadline and the cache's "now" are one time line.
    private final Ticker ticker = Ticker.systemTicker();
    private final AsyncCache<String, Answer> byHash;
    // When this instance last wrote a client's lastUsedAt: a write per request would cost a store
    // round trip each; once a minute is what "last used" needs.
    private final Cache<String, Instant> usedRecorded = Caffeine.newBuilder()
            .expireAfterWrite(USE_RECORDED_EVERY).maximumSize(50_000).executor(Runnable::run).build();

    ClientDirectory(ApiClientStore store, ApiKeys keys, ApiKeyProperties properties) {
        this.store = store;
        this.keys = keys;
        this.ttlNanos = properties.cacheTtl().toNanos();
        // Bounded, so a flood of made-up keys cannot grow the cache without limit. Upkeep on the
        // calling thread, as for the gateway's other caches (RateLimitSetup); lookups of the store
        // run on their own scheduler (lookup). Each answer expires at its own deadline (Answer).
        this.byHash = Caffeine.newBuilder().expireAfter(new AtItsDeadline()).ticker(ticker).maximumSize(50_000)
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
                .mapNotNull(Answer::caller)
                .doOnNext(this::recordUse);
    }

    private void recordUse(Caller caller) {
        if (usedRecorded.asMap().putIfAbsent(caller.clientId(), Instant.now()) == null) {
            Mono.fromRunnable(() -> store.markUsed(caller.clientId(), Instant.now()))
                    .subscribeOn(Schedulers.boundedElastic()).onErrorComplete().subscribe();
        }
    }

    /**
     * Forgets what this instance knows of these keys (null ones are skipped). A lookup still in
     * flight is dropped with them: Caffeine does not store the answer of an invalidated load, so
     * the next request asks the store again.
     */
    void forget(String... keyHashes) {
        for (String keyHash : keyHashes) {
            if (keyHash != null) {
                byHash.synchronous().invalidate(keyHash);
            }
        }
    }

    /**
     * The clock is read before the store is asked: an answer then never outlives the TTL counted
     * from a moment before the store gave it, so a revocation written after that moment is seen
     * by every instance within the TTL, however long the lookup took.
     */
    private Mono<Answer> lookup(String keyHash) {
        return Mono.fromCallable(() -> {
            long askedAt = ticker.read();
            Instant now = Instant.now();
            return store.findActiveByHash(keyHash, now)
                    .map(client -> new Answer(client.caller(), askedAt + lifetime(client, keyHash, now)))
                    .orElseGet(() -> new Answer(null, askedAt + ttlNanos));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** The TTL, or less for a replaced key whose grace period ends sooner. */
    private long lifetime(ApiClient client, String keyHash, Instant now) {
        Instant graceEnds = client.previousKeyValidUntil();
        if (keyHash.equals(client.keyHash()) || graceEnds == null || graceEnds.isAfter(now.plusNanos(ttlNanos))) {
            return ttlNanos;
        }
        return Duration.between(now, graceEnds).toNanos();
    }

    /**
     * What the store said of a key hash: its caller (null: nobody holds it, or no longer), and
     * the cache ticker's time at which this answer must no longer be given.
     */
    private record Answer(Caller caller, long expiresAt) {
    }

    /** Each answer lives until its own deadline; reading it does not extend its life. */
    private static final class AtItsDeadline implements Expiry<String, Answer> {

        @Override
        public long expireAfterCreate(String hash, Answer answer, long currentTime) {
            return Math.max(0, answer.expiresAt() - currentTime);
        }

        @Override
        public long expireAfterUpdate(String hash, Answer answer, long currentTime, long currentDuration) {
            return expireAfterCreate(hash, answer, currentTime);
        }

        @Override
        public long expireAfterRead(String hash, Answer answer, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
