package cn.dzn.platform.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.CallerAuthentication;
import cn.dzn.platform.identity.InternalTokenProperties;
import cn.dzn.platform.identity.InternalTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every servlet service gets from the platform: it verifies the gateway's internal token
 * itself (a call around the gateway without one is a 401), answers errors as problem+json and
 * refuses oversized bodies. The requests a service declares in {@code dzn.public-requests} (see
 * {@link PublicRequests}) are let through without a token; their controllers then see no caller.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties({InternalTokenProperties.class, PublicRequests.class})
public class ServiceWebSetup {

    private static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error"};

    @Bean
    InternalTokens internalTokens(InternalTokenProperties properties) {
        return new InternalTokens(properties);
    }

    @Bean
    JwtDecoder jwtDecoder(InternalTokens tokens) {
        return tokens.decoder();
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    /** Only where springdoc is on the class path (every service; the platform does not force it). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenApiCustomizer.class)
    static class ApiDocs {

        @Bean
        ServiceApiDocs serviceApiDocs(@Value("${spring.application.name}") String service, PublicRequests requests) {
            return new ServiceApiDocs(service, requests);
        }
    }

    @Bean
    PermissionBeforeBody permissionBeforeBody() {
        return new PermissionBeforeBody();
    }

    @Bean
    ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    @Bean
    ProblemRequestIdAdvice problemRequestIdAdvice() {
        return new ProblemRequestIdAdvice();
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ProblemWriter problems,
            @Value("${dzn.max-body-bytes:2097152}") long maxBytes) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBytes, problems));
        // After the request id, so that a 413 carries it too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * {@code dzn.incubator-keys.accepted}: whether this service serves callers bound to an incubator
     * (an incubator's own key, {@link Caller#incubatorId()}). Only incubator-service does; every
     * other service refuses them (403) before any handler runs, whatever their region and roles,
     * as the gateway does before proxying (issue 17: "with it the incubator keeps its own record and
     * tenants current, and nothing else").
     */
    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, JwtDecoder decoder, ProblemWriter problems,
            PublicRequests publicRequests, @Value("${dzn.incubator-keys.accepted:false}") boolean incubatorKeys)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> problems.write(request, response,
                HttpStatus.UNAUTHORIZED, "unauthenticated", "a valid internal token from the gateway is required");
        AccessDeniedHandler denied = (request, response, e) -> {
            if (boundCaller(SecurityContextHolder.getContext().getAuthentication()) != null) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "incubator-key", "an incubator's own key "
                        + "keeps its own incubator record and nothing else; this service does not serve it");
            } else {
                problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "the caller may not do this");
            }
        };
        AuthorizationManager<RequestAuthorizationContext> authenticated = AuthenticatedAuthorizationManager.authenticated();
        AuthorizationManager<RequestAuthorizationContext> callers = incubatorKeys ? authenticated
                : (authentication, context) -> boundCaller(authentication.get()) != null
                        ? new AuthorizationDecision(false) : authenticated.authorize(authentication, context);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(OPEN_PATHS).permitAll();
                    publicRequests.matchers().forEach(request -> auth.requestMatchers(request).permitAll());
                    auth.anyRequest().access(callers);
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(
                                token -> new CallerAuthentication(InternalTokens.callerOf(token), token)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        return http.build();
    }

    private static Caller boundCaller(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                && caller.boundToIncubator() ? caller : null;
    }
}
