package cn.dzn.gateway.security;

import java.util.Optional;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import cn.dzn.gateway.web.RequestIdFilter;
import cn.dzn.platform.identity.Caller;
import reactor.core.publisher.Mono;

/**
 * Replaces whatever credentials came in with the internal token of the authenticated caller, so
 * a service only ever sees a token the gateway signed and never a client's API key; adds the
 * request's id in the same change (one copy of the headers, not two).
 */
@Component
class InternalTokenRelay implements GlobalFilter, Ordered {

    private final TokenMint mint;

    InternalTokenRelay(TokenMint mint) {
        this.mint = mint;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .ofType(Authentication.class)
                .filter(authentication -> authentication.getPrincipal() instanceof Caller)
                .map(authentication -> Optional.of(mint.bearerFor((Caller) authentication.getPrincipal())))
                .defaultIfEmpty(Optional.empty())
                .flatMap(bearer -> chain.filter(withCredentials(exchange, bearer)));
    }

    private static ServerWebExchange withCredentials(ServerWebExchange exchange, Optional<String> bearer) {
        String requestId = RequestIdFilter.of(exchange);
        return exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.remove(SecurityConfiguration.API_KEY_HEADER);
            bearer.ifPresent(value -> headers.set(HttpHeaders.AUTHORIZATION, value));
            if (requestId != null) {
                headers.set(RequestIdFilter.HEADER, requestId);
            } else {
                headers.remove(RequestIdFilter.HEADER); // never a client's id unchecked
            }
        })).build();
    }

    /** Right after the rate limit, before everything Spring Cloud Gateway adds. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
