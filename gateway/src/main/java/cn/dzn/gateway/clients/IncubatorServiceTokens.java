package cn.dzn.gateway.clients;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import cn.dzn.platform.identity.InternalTokenProperties;

/**
 * How incubator-service proves who it is when it asks for or revokes an incubator's key: an HS256
 * token signed with the secret gateway and services share ({@code DZN_INTERNAL_TOKEN_SECRET}), of
 * issuer {@value #ISSUER} and audience {@value #AUDIENCE}, that expires at most {@link #MAX_LIFETIME}
 * ahead (plus {@link #CLOCK_SKEW} for clocks a little apart). Neither the gateway's own tokens for
 * the services (issuer {@code dzn-gateway}, audience {@code dzn-services}) nor anything else passes.
 */
@Component
class IncubatorServiceTokens {

    static final String ISSUER = "dzn-incubator-service";
    static final String AUDIENCE = "dzn-gateway";
    static final Duration MAX_LIFETIME = Duration.ofSeconds(60);
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    private static final String BEARER = "Bearer ";

    private final byte[] secret;

    IncubatorServiceTokens(InternalTokenProperties properties) {
        this.secret = properties.secret().getBytes(StandardCharsets.UTF_8);
    }

    /** Null when {@code authorization} carries a good token; else what is wrong with it. */
    String refusal(String authorization, Instant now) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "a bearer token of incubator-service is required";
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring(BEARER.length()).strip());
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
                return "the token is not HS256";
            }
            if (!jwt.verify(new MACVerifier(secret))) {
                return "the token's signature is not valid";
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!ISSUER.equals(claims.getIssuer())) {
                return "the token is not incubator-service's";
            }
            if (claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)) {
                return "the token is not for the gateway";
            }
            Date expiry = claims.getExpirationTime();
            if (expiry == null) {
                return "the token has no expiry";
            }
            if (!expiry.toInstant().isAfter(now)) {
                return "the token expired";
            }
            if (expiry.toInstant().isAfter(now.plus(MAX_LIFETIME).plus(CLOCK_SKEW))) {
                return "the token expires more than " + MAX_LIFETIME.toSeconds() + " s ahead";
            }
            Date notBefore = claims.getNotBeforeTime();
            if (notBefore != null && notBefore.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
                return "the token is not valid yet";
            }
            return null;
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return "the token cannot be read";
        }
    }
}
