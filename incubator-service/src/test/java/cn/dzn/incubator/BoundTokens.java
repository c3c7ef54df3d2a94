package cn.dzn.incubator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import cn.dzn.incubator.incubators.BoundCallers;
import cn.dzn.platform.identity.InternalTokens;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.test.TestSecrets;

/**
 * Internal tokens for an incubator's own key, as the gateway is to mint them (docs/decisions.md,
 * "incubator-service (issue 17)"): TestCallers' claims plus {@code incubator}.
 */
public final class BoundTokens {

    private BoundTokens() {
    }

    public static String bearer(String clientId, String region, String incubatorId, Role... roles) {
        return "Bearer " + token(clientId, region, incubatorId, roles);
    }

    public static String token(String clientId, String region, Object incubatorClaim, Role... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("dzn-gateway").audience(InternalTokens.AUDIENCE)
                .subject(clientId).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("region", region).claim("roles", Arrays.stream(roles).map(Role::name).sorted().toList())
                .claim(BoundCallers.CLAIM, incubatorClaim).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(TestSecrets.INTERNAL_TOKEN_SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
