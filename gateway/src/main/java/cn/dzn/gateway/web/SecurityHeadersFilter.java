package cn.dzn.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The security headers of every answer, set as it is committed, whoever wrote it: a service
 * (proxied; its own values are replaced, the gateway being the one policy for the public port),
 * Spring Security (401, 403), the dispatcher and the error handlers (400, 404, 408, 502-504), the
 * body guard (413, answered before Security's chain runs), the rate limit (429), the management
 * port. It runs first, so nothing can answer before it has registered; Spring Security's own
 * header writer is off (SecurityConfiguration), which covered only what passed its chain.
 *
 * <ul>
 * <li>{@code Cache-Control: no-store}: answers are per caller and region, never for a shared cache.</li>
 * <li>{@code Content-Security-Policy}: JSON loads nothing and is framed by nobody; Swagger UI's
 * pages load their own scripts, styles and data: images and fetch the documents, all from this
 * origin; no inline script, and of inline styles only the one Swagger UI writes, by its hash. The
 * staff dashboard's ({@code /dashboard/}) runs its own scripts and styles only, and fetches from
 * this origin, and from the staff OIDC provider's when one is configured (discovery and the code
 * exchange of its sign-in).</li>
 * <li>{@code Strict-Transport-Security} only when the request came over HTTPS (TLS here, or
 * X-Forwarded-Proto behind the ingress under {@code DZN_FORWARD_HEADERS=native}): browsers ignore
 * it over plain HTTP (RFC 6797 sections 7.2 and 8.1), and it would be a false promise there.</li>
 * </ul>
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    private final String dashboardPolicy;

    SecurityHeadersFilter() {
        this("");
    }

    @org.springframework.beans.factory.annotation.Autowired
    SecurityHeadersFilter(@org.springframework.beans.factory.annotation.Value("${dzn.staff-sign-in.issuer:}")
            String staffIssuer) {
        this.dashboardPolicy = dashboardPolicy(staffIssuer);
    }

    /** The dashboard's policy, its connect-src widened to the staff provider's origin when there is one. */
    static String dashboardPolicy(String staffIssuer) {
        if (staffIssuer == null || staffIssuer.isBlank()) {
            return DASHBOARD_POLICY;
        }
        java.net.URI issuer = java.net.URI.create(staffIssuer.strip());
        String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
        return DASHBOARD_POLICY.replace("connect-src 'self'", "connect-src 'self' " + origin);
    }

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    // The hash is the one inline style Swagger UI writes (its logo's colours, in
    // swagger-ui-standalone-preset.js); SecurityHeadersTest fails if an upgrade changes it.
    static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String DASHBOARD_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    // A year, this host only: the gateway cannot know whether every subdomain speaks HTTPS.
    static final String HSTS = "max-age=31536000";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        String path = request.getPath().value();
        String policy = isSwaggerUi(path) ? SWAGGER_UI_POLICY
                : path.equals("/dashboard") || path.startsWith("/dashboard/") ? dashboardPolicy : API_POLICY;
        boolean https = "https".equalsIgnoreCase(request.getURI().getScheme());
        response.beforeCommit(() -> {
            write(response.getHeaders(), policy, https);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static void write(HttpHeaders headers, String policy, boolean https) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", policy);
        if (https) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }

    /** Swagger UI's page and assets (springdoc serves them under /swagger-ui/, /webjars/ for some versions). */
    private static boolean isSwaggerUi(String path) {
        return path.startsWith("/swagger-ui") || path.startsWith("/webjars/");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
