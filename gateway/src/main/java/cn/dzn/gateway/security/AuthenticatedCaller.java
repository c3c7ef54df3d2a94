package cn.dzn.gateway.security;

import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.ServerWebExchange;

import cn.dzn.platform.identity.Caller;

/**
 * The caller a request was signed in as, kept on the exchange when sign-in succeeds. The rate
 * limit and the internal token read it from there: asking the exchange for its principal looks
 * the security context up through Reactor's context, and Reactor then restores every thread
 * local (trace scope, MDC) around the answer, on each of those reads of every request (JFR,
 * docs/performance.md). Authorization still asks Security itself.
 */
public final class AuthenticatedCaller {

    // Attributes are shared by an exchange and all its decorations and mutations.
    private static final String ATTRIBUTE = AuthenticatedCaller.class.getName();

    private AuthenticatedCaller() {
    }

    /** The caller, or null when the request was not signed in (an open or public path). */
    public static Caller of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /** Security's default (carry on down the chain), remembering the caller first. */
    static ServerAuthenticationSuccessHandler remembered() {
        return (signedIn, authentication) -> {
            ServerWebExchange exchange = signedIn.getExchange();
            if (authentication.getPrincipal() instanceof Caller caller) {
                exchange.getAttributes().put(ATTRIBUTE, caller);
            }
            return signedIn.getChain().filter(exchange);
        };
    }
}
