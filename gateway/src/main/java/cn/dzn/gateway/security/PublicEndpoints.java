package cn.dzn.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Requests anyone may send without a key, as {@code "METHOD /path-pattern"}: an incubator
 * registering itself has no key yet (DESIGN.md, who uses it). They are rate limited per source
 * address instead of per client.
 */
@ConfigurationProperties("dzn.public-endpoints")
public record PublicEndpoints(List<String> requests) {

    public PublicEndpoints {
        requests = requests == null ? List.of() : requests.stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
        requests.forEach(PublicEndpoints::parse);
    }

    public ServerWebExchangeMatcher matcher() {
        if (requests.isEmpty()) {
            return exchange -> ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        return new OrServerWebExchangeMatcher(requests.stream().map(PublicEndpoints::parse).toList());
    }

    private static ServerWebExchangeMatcher parse(String request) {
        String[] parts = request.split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("a public endpoint is \"METHOD /path\", not \"" + request + "\"");
        }
        return ServerWebExchangeMatchers.pathMatchers(HttpMethod.valueOf(parts[0]), parts[1]);
    }
}
