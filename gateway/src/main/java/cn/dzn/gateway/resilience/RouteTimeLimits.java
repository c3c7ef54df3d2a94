package cn.dzn.gateway.resilience;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.context.Context;

/**
 * Each route's time limit (dzn.resilience), kept by Reactor Netty on the connection to the
 * service: how long the gateway waits for the answer to start, and then for each next piece of
 * it. This global filter puts the route's limit into the request's Reactor context, where the HTTP
 * client reads it as it sends the request.
 *
 * Not the breaker's time limiter (switched off in application.yml): that one is a Reactor timer
 * per request on a shared scheduler, set and cancelled across threads, and cost about 5% of the
 * gateway's CPU per request (JFR, docs/performance.md). Netty's timer runs on the connection's
 * own event loop. A timeout is a fault of the service for the breaker either way
 * (ResilienceSetup) and a 504 for the client (Failures).
 */
@Component
class RouteTimeLimits implements GlobalFilter, Ordered, HttpClientCustomizer {

    private static final String KEY = RouteTimeLimits.class.getName();

    private final ResilienceProperties properties;

    RouteTimeLimits(ResilienceProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return chain.filter(exchange).contextWrite(Context.of(KEY, properties.timeLimitOf(route.getId())));
    }

    @Override
    public HttpClient customize(HttpClient client) {
        return client.doOnRequest((request, connection) -> request.responseTimeout(
                request.currentContextView().getOrDefault(KEY, properties.timeLimit())));
    }

    /** Before the CircuitBreaker and Retry filters, so every attempt runs with the route's limit. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
