package cn.dzn.gateway.security;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import cn.dzn.gateway.web.RequestIdFilter;
import cn.dzn.platform.identity.Caller;

/**
 * Replaces whatever credentials came in with the internal token of the signed-in caller, so a
 * service only ever sees a token the gateway signed and never a client's API key or staff token,
 * and sends the request's id along. Done on the headers Spring Cloud Gateway copies for the
 * proxied request anyway: changing the exchange's request instead copied them all once more,
 * through Security's firewall (JFR, docs/performance.md).
 */
@Component
class InternalTokenRelay implements HttpHeadersFilter, Ordered {

    private final TokenMint mint;

    InternalTokenRelay(TokenMint mint) {
        this.mint = mint;
    }

    @Override
    public HttpHeaders filter(HttpHeaders headers, ServerWebExchange exchange) {
        headers.remove(HttpHeaders.AUTHORIZATION);
        headers.remove(SecurityConfiguration.API_KEY_HEADER);
        Caller caller = AuthenticatedCaller.of(exchange);
        if (caller != null) {
            headers.set(HttpHeaders.AUTHORIZATION, mint.bearerFor(caller));
        }
        String requestId = RequestIdFilter.of(exchange);
        if (requestId != null) {
            headers.set(RequestIdFilter.HEADER, requestId);
        } else {
            headers.remove(RequestIdFilter.HEADER); // never a client's id unchecked
        }
        return headers;
    }

    /**
     * After Spring Cloud Gateway's hop-by-hop filter, which hands on a fresh copy of the headers
     * (the request's own are read-only: every proxied request in the tests would fail).
     */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
