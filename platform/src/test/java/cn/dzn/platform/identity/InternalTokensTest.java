package cn.dzn.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

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
