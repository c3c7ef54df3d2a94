package cn.dzn.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import cn.dzn.platform.regions.RegionCode;

/** The services' decoder remembers tokens it accepted; that must never let a bad one through. */
class InternalTokensTest {

    private final InternalTokens tokens = new InternalTokens(
            new InternalTokenProperties("a-secret-of-this-test-only-of-at-least-32-bytes", null, null));
    private final JwtDecoder decoder = tokens.decoder();
    private final Caller guangzhou = new Caller("client-1", RegionCode.of("440100"), EnumSet.of(Role.READ));

    @Test
    void aTokenReadTwiceNamesTheSameCaller() {
        String token = tokens.issue(guangzhou, Instant.now()).token();

        assertThat(InternalTokens.callerOf(decoder.decode(token))).isEqualTo(guangzhou);
        assertThat(InternalTokens.callerOf(decoder.decode(token))).isEqualTo(guangzhou);
    }

    @Test
    void anIncubatorsOwnKeyCarriesItsIncubatorThroughTheTokenAndNobodyElseCarriesOne() throws Exception {
        Caller own = new Caller("client-2", RegionCode.of("440106"), EnumSet.of(Role.READ, Role.WRITE), "inc-42");
        String token = tokens.issue(own, Instant.now()).token();

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaim(InternalTokens.INCUBATOR)).isEqualTo("inc-42");
        Caller read = InternalTokens.callerOf(decoder.decode(token));
        assertThat(read).isEqualTo(own);
        assertThat(read.incubatorId()).isEqualTo("inc-42");
        assertThat(read.boundToIncubator()).isTrue();

        String bureau = tokens.issue(guangzhou, Instant.now()).token();
        assertThat(SignedJWT.parse(bureau).getJWTClaimsSet().getClaims()).doesNotContainKey(InternalTokens.INCUBATOR);
        assertThat(InternalTokens.callerOf(decoder.decode(bureau)).incubatorId()).isNull();
        assertThat(InternalTokens.callerOf(decoder.decode(bureau)).boundToIncubator()).isFalse();
    }

    @Test
    void aClaimThatNamesNoIncubatorStillBindsTheCaller() throws Exception {
        String secret = "a-secret-of-this-test-only-of-at-least-32-bytes";
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("dzn-gateway").audience(InternalTokens.AUDIENCE)
                .subject("client-3").expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .claim("region", "440106").claim("roles", List.of("READ")).claim(InternalTokens.INCUBATOR, 42).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));

        Caller caller = InternalTokens.callerOf(decoder.decode(jwt.serialize()));
        assertThat(caller.boundToIncubator()).as("a malformed claim fails closed").isTrue();
        assertThat(caller.incubatorId()).isEqualTo("42");
    }

    @Test
    void aTamperedCopyOfAnAcceptedTokenIsRefused() {
        String token = tokens.issue(guangzhou, Instant.now()).token();
        decoder.decode(token);
        String[] parts = token.split("\\.");
        String otherClaims = tokens.issue(new Caller("client-1", RegionCode.NATIONAL, EnumSet.allOf(Role.class)),
                Instant.now()).token().split("\\.")[1];

        assertThatThrownBy(() -> decoder.decode(parts[0] + "." + otherClaims + "." + parts[2]))
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(token + "x")).isInstanceOf(JwtException.class);
    }

    @Test
    void anExpiredTokenIsRefusedAndAFailureIsNotRemembered() {
        // Issued long enough ago to be past its expiry and the validator's 60 s of clock skew.
        String expired = tokens.issue(guangzhou, Instant.now().minus(Duration.ofMinutes(10))).token();

        assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenOfAnotherSecretIsRefused() {
        InternalTokens other = new InternalTokens(new InternalTokenProperties(
                "another-secret-of-at-least-thirty-two-bytes", null, null));
        String foreign = other.issue(guangzhou, Instant.now()).token();

        assertThatThrownBy(() -> decoder.decode(foreign)).isInstanceOf(JwtException.class);
    }
}
