package cn.dzn.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The browser origins allowed to call the API cross-origin (a staff web app, say). None by
 * default: machine clients do not need CORS, and every other origin is refused.
 */
@ConfigurationProperties("dzn.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    }
}
