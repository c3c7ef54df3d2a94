package cn.dzn.gateway.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;
import reactor.core.publisher.Mono;

/**
 * Verifies a staff member's OIDC token with Spring Security's JWT support: signature against the
 * issuer's JWKS (RS256 or ES256 only, so {@code alg: none} and HMAC tricks fail), issuer,
 * audience, expiry; then maps its claims to a {@link Caller}. Any failure is a 401. Not a bean:
 * Security would take a second authentication manager bean for its default.
 */
class StaffTokenAuthenticationManager implements ReactiveAuthenticationManager {

    private final StaffSignInProperties properties;
    private final ReactiveJwtDecoder decoder;

    StaffTokenAuthenticationManager(StaffSignInProperties properties) {
        this.properties = properties;
        this.decoder = properties.enabled() ? decoder(properties) : null;
    }

    private static ReactiveJwtDecoder decoder(StaffSignInProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>("aud", audiences -> audiences != null
                        && audiences.contains(properties.audience()))));
        return decoder;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication presented) {
        if (decoder == null) {
            return Mono.error(new BadCredentialsException("staff sign-in is not configured; use an API key"));
        }
        return decoder.decode((String) presented.getCredentials())
                .onErrorMap(JwtException.class, e -> new BadCredentialsException("the bearer token is not valid here"))
                .map(jwt -> StaffAuthentication.verified(callerOf(jwt)));
    }

    private Caller callerOf(Jwt jwt) {
        String region = jwt.getClaimAsString(properties.regionClaim());
        if (region == null || !RegionCode.isValid(region)) {
            throw new BadCredentialsException("the token names no valid region in '" + properties.regionClaim() + "'");
        }
        List<String> claimed = jwt.getClaimAsStringList(properties.rolesClaim());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claimed != null) {
            for (Role role : Role.values()) {
                if (claimed.contains(role.name())) {
                    roles.add(role);
                }
            }
        }
        if (roles.isEmpty()) {
            throw new BadCredentialsException("the token grants none of READ, WRITE, ADMIN in '"
                    + properties.rolesClaim() + "'");
        }
        return new Caller("staff:" + jwt.getSubject(), RegionCode.of(region), roles);
    }
}
