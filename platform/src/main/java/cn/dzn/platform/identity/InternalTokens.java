package cn.dzn.platform.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import cn.dzn.platform.regions.RegionCode;

/** Issues (gateway) and reads (services) the internal caller token. */
public class InternalTokens {

    public static final String AUDIENCE = "dzn-services";
    static final String REGION = "region";
    static final String ROLES = "roles";
    /**
     * The incubator an incubator's own key is bound to (issue 17), present only for such a key. Any
     * value at all marks the caller as bound: a claim that names no incubator binds it to nothing
     * it could hold, never frees it.
     */
    public static final String INCUBATOR = "incubator";

    private final InternalTokenProperties properties;
    private final SecretKey key;

    public InternalTokens(InternalTokenProperties properties) {
        this.properties = properties;
        this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(Caller caller, Instant now) {
        Instant expiresAt = now.plus(properties.lifetime());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(AUDIENCE)
                .subject(caller.clientId())
                .issueTime(java.util.Date.from(now))
                .expirationTime(java.util.Date.from(expiresAt))
                .claim(REGION, caller.region().code())
                .claim(ROLES, caller.roles().stream().map(Role::name).sorted().toList())
                .claim(INCUBATOR, caller.incubatorId()) // a null claim is left out of the token
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the internal token", e);
        }
        return new Issued(jwt.serialize(), expiresAt);
    }

    /**
     * A decoder that accepts only HS256 tokens of our issuer and audience, unexpired. The gateway
     * sends the same signed token for a caller until shortly before it expires, so each distinct
     * token is checked once and remembered until its expiry: decoding was about a tenth of
     * zone-service's CPU per request (docs/performance.md). Only tokens that passed are kept, under
     * their whole text, signature included; past its expiry a token is decoded, and judged, again.
     */
    public JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(AUDIENCE));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience));
        Cache<String, Jwt> checked = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(properties.lifetime()).build();
        return token -> {
            Jwt jwt = checked.get(token, decoder::decode);
            if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(Instant.now())) {
                return jwt;
            }
            checked.invalidate(token);
            return decoder.decode(token);
        };
    }

    public static Caller callerOf(Jwt jwt) {
        List<String> roleNames = jwt.getClaimAsStringList(ROLES);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (roleNames != null) {
            roleNames.forEach(name -> roles.add(Role.valueOf(name)));
        }
        Object incubator = jwt.getClaims().get(INCUBATOR);
        return new Caller(jwt.getSubject(), RegionCode.of(jwt.getClaimAsString(REGION)), roles,
                incubator == null ? null : String.valueOf(incubator));
    }
}
