package cn.dzn.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Requests anyone may send without a key, as {@code "METHOD /path-pattern"}: an incubator
 * registering itself has no key yet (DESIGN.md, who uses it). They are rate limited per source
 * address instead of per client.
 */
@ConfigurationProperties("dzn.public-endpoints")
public record PublicEndpoints(List<String> requests) {

    public PublicEndpoints {
        requests = requests == null ? List.of() : requests.stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
        RequestPatterns.of(requests); // a malformed entry fails at start-up, not on a request
    }

    public RequestPatterns matcher() {
        return RequestPatterns.of(requests);
    }
}
