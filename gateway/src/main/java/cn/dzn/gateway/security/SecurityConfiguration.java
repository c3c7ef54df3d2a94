package cn.dzn.gateway.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;

import cn.dzn.gateway.web.ProblemResponses;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.InternalTokenProperties;
import cn.dzn.platform.identity.InternalTokens;
import reactor.core.publisher.Mono;

/**
 * Every request needs an X-Api-Key, or staff an OIDC bearer token, except probes, metrics, the
 * API documentation and the few public endpoints (an incubator registering itself). An incubator's
 * own key (a client bound to an incubator, issue 17) is refused outside {@code /api/incubators/**}.
 * The management port's {@code /internal/incubator-keys} is answered before this chain, with
 * incubator-service's own token ({@code clients.IncubatorKeyEndpoints}).
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String BEARER = "Bearer ";

    // The actuator's paths answer only on the management port, which Security guards too: without
    // them here the probes and Prometheus would get 401s there.
    private static final RequestPatterns OPEN_PATHS = RequestPatterns.anyMethod("/actuator/health/**",
            "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**");

    /** Where an incubator's own key may go: incubator-service's prefix (issue 17). */
    private static final RequestPatterns INCUBATOR_PATHS = RequestPatterns.anyMethod("/api/incubators/**");

    @Bean
    InternalTokens internalTokens(InternalTokenProperties properties) {
        return new InternalTokens(properties);
    }

    /**
     * Security observes nothing: no span per filter, authentication and authorization on every
     * request, which nobody reads (the request's own span stays, and goes on to the service). The
     * settings keep Security from even wrapping its filters for observation, which switching the
     * observations off by name (management.observations.enable) does not.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ApiKeyAuthenticationManager manager,
            StaffSignInProperties staffSignIn, CorsProperties cors, PublicEndpoints publicEndpoints,
            ProblemResponses problems) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> problems.write(exchange,
                HttpStatus.UNAUTHORIZED, "unauthenticated", explain(e.getMessage()));
        ServerAccessDeniedHandler denied = (exchange, e) -> {
            Caller caller = AuthenticatedCaller.of(exchange);
            return caller != null && caller.boundToIncubator()
                    ? problems.write(exchange, HttpStatus.FORBIDDEN, "incubator-key", "an incubator's own key keeps "
                            + "its own incubator record, tenants and pairings under /api/incubators, and nothing else")
                    : problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "the caller may not do this");
        };
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(spec -> spec.configurationSource(corsSource(cors)))
                // Security headers come from one filter for every answer (web.SecurityHeadersFilter):
                // Security's writer reached only the answers that passed its chain, not a 413.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // Open paths are permitted as they are; no anonymous token is made for every request.
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(signIn(manager, new StaffTokenAuthenticationManager(staffSignIn), unauthenticated),
                        SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(auth -> auth.matchers(OPEN_PATHS).permitAll()
                        .matchers(publicEndpoints.matcher()).permitAll()
                        .anyExchange().access(SecurityConfiguration::signedInAndWithinItsBounds))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .build();
    }

    /**
     * Signed in, and, for an incubator's own key (issue 17), on a path of incubator-service's: it
     * keeps its own record there and nothing else, so anywhere else (the other services, the
     * gateway's own {@code /api/clients}, paths nobody routes) it is refused here, before proxying.
     */
    private static Mono<AuthorizationResult> signedInAndWithinItsBounds(Mono<Authentication> authentication,
            AuthorizationContext context) {
        return authentication.<AuthorizationResult>map(signedIn -> new AuthorizationDecision(signedIn.isAuthenticated()
                && !(signedIn.getPrincipal() instanceof Caller caller && caller.boundToIncubator()
                        && !INCUBATOR_PATHS.test(context.getExchange()))))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    /**
     * One sign-in for both kinds of caller: systems with an API key, staff with their OIDC token.
     * Probes and documents ignore any credential sent along: no lookup, and no 401 for a stale one.
     */
    private static AuthenticationWebFilter signIn(ApiKeyAuthenticationManager apiKeys,
            StaffTokenAuthenticationManager staff, ServerAuthenticationEntryPoint unauthenticated) {
        ReactiveAuthenticationManager byKind = presented -> presented instanceof StaffAuthentication
                ? staff.authenticate(presented) : apiKeys.authenticate(presented);
        AuthenticationWebFilter filter = new AuthenticationWebFilter(byKind);
        filter.setServerAuthenticationConverter(SecurityConfiguration::presentedCredentials);
        filter.setRequiresAuthenticationMatcher(new NegatedServerWebExchangeMatcher(OPEN_PATHS));
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        filter.setAuthenticationSuccessHandler(AuthenticatedCaller.remembered());
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthenticated));
        return filter;
    }

    /**
     * The API key, or else a staff bearer token. A request that carries an API key is
     * authenticated by the key alone; its Authorization header is not even read.
     */
    private static Mono<Authentication> presentedCredentials(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String apiKey = headers.getFirst(API_KEY_HEADER);
        if (apiKey != null) {
            return Mono.just(ApiKeyAuthentication.presented(apiKey));
        }
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.just(StaffAuthentication.presented(authorization.substring(BEARER.length()).strip()));
        }
        return Mono.empty();
    }

    /** Only the configured origins, with the headers this API reads and the ones a browser client needs to see. */
    private static UrlBasedCorsConfigurationSource corsSource(CorsProperties properties) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        config.setAllowedHeaders(List.of(API_KEY_HEADER, HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                HttpHeaders.IF_MATCH, "Idempotency-Key", "X-Request-Id"));
        config.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
                "X-Request-Id"));
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }

    /** Security's own messages for a missing key are about "full authentication"; say what to send. */
    private static String explain(String message) {
        return message != null && (message.contains("API key") || message.contains("token")) ? message
                : "this path needs a valid API key in the " + API_KEY_HEADER + " header, or a staff sign-in token";
    }
}
