package cn.dzn.incubator.keys;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import cn.dzn.incubator.incubators.BoundCallers;
import cn.dzn.incubator.incubators.Incubator;
import cn.dzn.incubator.incubators.IncubatorService;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request of an incubator's own key ({@link BoundCallers}) passes here first, before any
 * body is read (issue 14: permission before validation): it is refused (403) outside the paths
 * where an incubator keeps its own record, tenants and pairings; and, whatever the path, once its
 * key was revoked or replaced or its incubator closed or was deleted, at once (issue 17). Which
 * records it may read and change on those paths the declarations decide.
 */
class BoundCallerGate extends OncePerRequestFilter {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    /** Never an incubator's key's, even where a pattern below would match. */
    private static final List<PathPattern> REFUSED = patterns("/api/incubators/registrations",
            "/api/incubators/registrations/**", "/api/incubators/targets/**", "/api/incubators/{id}/key",
            "/api/incubators/audit", "/api/incubators/*/audit", "/api/incubators/pairings/moves/audit");

    private record Allowed(HttpMethod method, PathPattern path) {
    }

    private static final List<Allowed> ALLOWED = List.of(
            allow("GET", "/api/incubators"), allow("GET", "/api/incubators/changes"),
            allow("GET", "/api/incubators/{id}"), allow("PUT", "/api/incubators/{id}"),
            allow("POST", "/api/incubators/{id}/close"), allow("GET", "/api/incubators/{id}/assessment"),
            allow("GET", "/api/incubators/{id}/tenants"),
            allow("GET", "/api/incubators/tenants"), allow("GET", "/api/incubators/tenants/changes"),
            allow("GET", "/api/incubators/tenants/counts"), allow("GET", "/api/incubators/tenants/{id}"),
            allow("POST", "/api/incubators/tenants"), allow("POST", "/api/incubators/tenants/sync"),
            allow("PUT", "/api/incubators/tenants/{id}"), allow("POST", "/api/incubators/tenants/{id}/{transition}"),
            allow("GET", "/api/incubators/pairings"), allow("GET", "/api/incubators/pairings/changes"),
            allow("GET", "/api/incubators/pairings/{id}"), allow("POST", "/api/incubators/pairings"),
            allow("PUT", "/api/incubators/pairings/{id}"), allow("POST", "/api/incubators/pairings/{id}/end"),
            allow("GET", "/api/incubators/pairings/moves"), allow("GET", "/api/incubators/pairings/moves/changes"),
            allow("GET", "/api/incubators/pairings/moves/{id}"), allow("POST", "/api/incubators/pairings/moves"),
            allow("PUT", "/api/incubators/pairings/moves/{id}"));

    private final IncubatorKeys keys;
    private final IncubatorService incubators;
    private final ProblemWriter problems;

    BoundCallerGate(IncubatorKeys keys, IncubatorService incubators, ProblemWriter problems) {
        this.keys = keys;
        this.incubators = incubators;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = authentication != null && authentication.getPrincipal() instanceof Caller c ? c : null;
        Optional<String> own = BoundCallers.incubatorOf(caller);
        if (own.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String refusal = refusal(request, caller, own.get());
        if (refusal != null) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "incubator-key", refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    private String refusal(HttpServletRequest request, Caller caller, String incubatorId) {
        if (!allowed(request.getMethod(), request.getRequestURI().substring(request.getContextPath().length()))) {
            return "an incubator's own key keeps its own record, its tenants and its pairings, and nothing else";
        }
        KeyBinding binding = keys.find(incubatorId).orElse(null);
        if (binding == null || !binding.isValidFor(caller.clientId())) {
            return "this key of incubator " + incubatorId + " was revoked or replaced";
        }
        Incubator incubator = incubators.lookup(incubatorId).orElse(null);
        if (incubator == null) {
            return "incubator " + incubatorId + " no longer exists; its key stopped";
        }
        if (incubator.isClosed()) {
            return "incubator " + incubatorId + " closed on " + incubator.closedOn() + "; its key stopped";
        }
        return null;
    }

    static boolean allowed(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        if (REFUSED.stream().anyMatch(pattern -> pattern.matches(container))) {
            return false;
        }
        return ALLOWED.stream().anyMatch(a -> a.method().matches(method) && a.path().matches(container));
    }

    private static Allowed allow(String method, String path) {
        return new Allowed(HttpMethod.valueOf(method), PARSER.parse(path));
    }

    private static List<PathPattern> patterns(String... paths) {
        return java.util.Arrays.stream(paths).map(PARSER::parse).toList();
    }
}
