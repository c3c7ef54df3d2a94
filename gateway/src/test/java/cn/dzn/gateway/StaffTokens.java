package cn.dzn.gateway;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Mints staff sign-in tokens with a local key whose public half the test SSO serves as JWKS. */
final class StaffTokens {

    static final String ISSUER = "https://sso.most.example.cn/realms/staff";
    static final String AUDIENCE = "dzn-gateway";
    static final RSAKey KEY = generate("staff-key-1");
    static final RSAKey STRANGER = generate("staff-key-1");

    private StaffTokens() {
    }

    static String jwks() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    static JWTClaimsSet.Builder claims(String region, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("alice")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("dzn_region", region).claim("dzn_roles", List.of(roles));
    }

    static String signed(JWTClaimsSet claims) {
        return sign(claims, KEY);
    }

    static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** A valid token whose payload was swapped for other claims, keeping the original signature. */
    static String tampered(JWTClaimsSet original, JWTClaimsSet forged) {
        String[] parts = signed(original).split("\\.");
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.toString().getBytes());
        return parts[0] + "." + payload + "." + parts[2];
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
