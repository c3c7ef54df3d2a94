package cn.dzn.gateway.security;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * Path patterns, each for one method or any, matched in one pass with the parser Spring
 * Security's own path matchers use. Security's OrServerWebExchangeMatcher runs a Mono per
 * pattern through a Flux, and the gateway asks on every request four times (both sign-in
 * filters, authorization, the rate limit): a few percent of its CPU per request (JFR,
 * docs/performance.md).
 */
public final class RequestPatterns implements ServerWebExchangeMatcher {

    private static final Mono<MatchResult> MATCH = MatchResult.match();
    private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();

    private record Pattern(HttpMethod method, PathPattern path) {
    }

    private final List<Pattern> patterns;

    private RequestPatterns(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    static RequestPatterns anyMethod(String... paths) {
        return new RequestPatterns(Stream.of(paths).map(path -> new Pattern(null, parse(path))).toList());
    }

    /** {@code "METHOD /path-pattern"} each. */
    static RequestPatterns of(List<String> requests) {
        return new RequestPatterns(requests.stream().map(RequestPatterns::request).toList());
    }

    private static Pattern request(String request) {
        String[] parts = request.split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("a public endpoint is \"METHOD /path\", not \"" + request + "\"");
        }
        return new Pattern(HttpMethod.valueOf(parts[0]), parse(parts[1]));
    }

    private static PathPattern parse(String path) {
        return PathPatternParser.defaultInstance.parse(path);
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return test(exchange) ? MATCH : NO_MATCH;
    }

    /** The same answer, without a Mono, for the gateway's own filters. */
    public boolean test(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        for (Pattern pattern : patterns) {
            if ((pattern.method() == null || pattern.method().equals(request.getMethod()))
                    && pattern.path().matches(path)) {
                return true;
            }
        }
        return false;
    }
}
