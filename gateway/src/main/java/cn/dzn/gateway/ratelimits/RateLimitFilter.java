package cn.dzn.gateway.ratelimits;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import cn.dzn.gateway.ratelimits.RateLimitProperties.Limit;
import cn.dzn.gateway.security.AuthenticatedCaller;
import cn.dzn.gateway.security.PublicEndpoints;
import cn.dzn.gateway.security.RequestPatterns;
import cn.dzn.gateway.web.ProblemResponses;
import cn.dzn.platform.identity.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Draws one token per proxied request: from the client's own bucket when it is authenticated,
 * from its source address's bucket on a public endpoint. An empty bucket is 429 with
 * Retry-After, answered here, so the service never sees the request.
 *
 * The source address is the connection's peer; behind an ingress that sets X-Forwarded-For,
 * {@code server.forward-headers-strategy: native} makes it the client's (k8s sets it).
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private final RateLimiter<?> limiter;
    private final RateLimitProperties limits;
    private final RequestPatterns publicEndpoints;
    private final ProblemResponses problems;
    private final MeterRegistry meters;

    RateLimitFilter(RateLimiter<?> limiter, RateLimitProperties limits, PublicEndpoints publicEndpoints,
            ProblemResponses problems, MeterRegistry meters) {
        this.limiter = limiter;
        this.limits = limits;
        this.publicEndpoints = publicEndpoints.matcher();
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Bucket bucket = bucketFor(exchange);
        if (bucket == null) {
            return chain.filter(exchange);
        }
        return limiter.isAllowed(bucket.limit(), bucket.key())
                .flatMap(answer -> answer.isAllowed() ? chain.filter(exchange) : refuse(exchange, bucket));
    }

    /** Anonymous requests reach a route only on a public endpoint or an open document (no bucket). */
    private Bucket bucketFor(ServerWebExchange exchange) {
        Caller caller = AuthenticatedCaller.of(exchange);
        if (caller != null) {
            return new Bucket(RateLimitSetup.CLIENTS, "client:" + caller.clientId());
        }
        return publicEndpoints.test(exchange)
                ? new Bucket(RateLimitSetup.PUBLIC_PATHS, "address:" + sourceAddress(exchange))
                : null;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Bucket bucket) {
        Limit limit = RateLimitSetup.CLIENTS.equals(bucket.limit()) ? limits.clients() : limits.publicPaths();
        long wait = limit.retryAfterSeconds();
        meters.counter("dzn.gateway.rate.limited", "limit", bucket.limit()).increment();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
        String who = RateLimitSetup.CLIENTS.equals(bucket.limit()) ? "this client" : "this address";
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                who + " has used its " + limit.burst() + " requests in a row and regains one every "
                        + limit.refillEvery().toMillis() + " ms; retry after " + wait + " s");
    }

    private static String sourceAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** First of the route filters: a refused request meets no breaker and costs no token signature. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private record Bucket(String limit, String key) {
    }
}
