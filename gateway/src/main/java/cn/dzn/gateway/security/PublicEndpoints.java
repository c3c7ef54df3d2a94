package cn.dzn.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Requests anyone may send without a key, as {@code "METHOD /path-pattern"}: an incubator
 * registering itself has no key yet (DESIGN.md, who uses it). Those routed to a service are rate
 * limited per source address instead of per client.
 *
 * <p>The staff dashboard's page and assets ({@link #DASHBOARD}) are always among them, whatever
 * the configuration lists: the page holds no data (it reads everything through the API with the
 * key it is given) and must load before anyone can sign in. The gateway serves them itself, so no
 * route, and no per-address limit, is involved.
 */
@ConfigurationProperties("dzn.public-endpoints")
public record PublicEndpoints(List<String> requests) {

    /** The dashboard's page, its scripts and styles, its sign-in settings and its charting library. */
    public static final List<String> DASHBOARD = List.of("GET /dashboard", "GET /dashboard/**");

    public PublicEndpoints {
        requests = java.util.stream.Stream.concat(requests == null ? java.util.stream.Stream.<String>empty()
                : requests.stream().map(String::strip).filter(r -> !r.isEmpty()), DASHBOARD.stream())
                .distinct().toList();
        RequestPatterns.of(requests); // a malformed entry fails at start-up, not on a request
    }

    public RequestPatterns matcher() {
        return RequestPatterns.of(requests);
    }
}
