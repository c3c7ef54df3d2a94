package cn.dzn.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * {@code dzn.public-requests}: the requests a service accepts without an internal token, each as
 * {@code "METHOD /path-pattern"}, e.g. {@code POST /api/incubators/registrations} (an incubator
 * registering itself has no key yet). The gateway lets the same requests through without a key
 * ({@code dzn.public-endpoints}); every other request still needs the token.
 */
@ConfigurationProperties("dzn")
public record PublicRequests(List<String> publicRequests) {

    public PublicRequests {
        publicRequests = publicRequests == null ? List.of()
                : publicRequests.stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
        publicRequests.forEach(PublicRequests::parse); // a typo fails the start, not the first request
    }

    /** One matcher per declared request, in order. */
    public List<RequestMatcher> matchers() {
        return publicRequests.stream().map(PublicRequests::parse).toList();
    }

    private static RequestMatcher parse(String request) {
        String[] parts = request.split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("a public request is \"METHOD /path\", not \"" + request + "\"");
        }
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        if (!List.of(HttpMethod.values()).contains(method)) {
            throw new IllegalArgumentException("unknown method in public request \"" + request + "\"");
        }
        return PathPatternRequestMatcher.withDefaults().matcher(method, parts[1]);
    }
}
