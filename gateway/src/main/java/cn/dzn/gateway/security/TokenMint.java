package cn.dzn.gateway.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.InternalTokens;

/**
 * Internal tokens per caller, reused until a minute before they expire: signing on every request
 * would cost more than the rest of the gateway's own work, and a service never sees a token that
 * runs out while the request is in flight.
 */
@Component
class TokenMint {

    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final InternalTokens tokens;
    private final Cache<Caller, InternalTokens.Issued> issued;

    TokenMint(InternalTokens tokens) {
        this.tokens = tokens;
        // Upkeep on the calling thread, as for the gateway's other caches (RateLimitSetup).
        this.issued = Caffeine.newBuilder().maximumSize(50_000).executor(Runnable::run)
                .expireAfter(Expiry.creating((Caller caller, InternalTokens.Issued token) -> reuseFor(token)))
                .build();
    }

    String bearerFor(Caller caller) {
        return "Bearer " + issued.get(caller, c -> tokens.issue(c, Instant.now())).token();
    }

    private static Duration reuseFor(InternalTokens.Issued token) {
        Duration left = Duration.between(Instant.now(), token.expiresAt()).minus(MARGIN);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
