package cn.dzn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.JWTClaimsSet;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;

/** Staff sign-in with OIDC tokens verified against the provider's JWKS, and the usual token attacks. */
class StaffSignInTest extends GatewayTestSupport {

    HttpResponse<String> withToken(String token) {
        return send(request("/api/zones", null).header("Authorization", "Bearer " + token).GET());
    }

    @Test
    void aValidStaffTokenIsProxiedAsTheCallerItsClaimsName() {
        HttpResponse<String> response = withToken(StaffTokens.signed(StaffTokens.claims("440100", "READ", "WRITE",
                "SOMETHING_ELSE").build()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        LoggedRequest proxied = onlyRequest();
        Caller caller = callerOf(proxied);
        assertThat(caller.clientId()).isEqualTo("staff:alice");
        assertThat(caller.region()).isEqualTo(RegionCode.of("440100"));
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.READ, Role.WRITE);
    }

    static final Map<String, Function<JWTClaimsSet.Builder, String>> ATTACKS = Map.of(
            "expired", claims -> StaffTokens.signed(claims.expirationTime(Date.from(Instant.now().minusSeconds(600)))
                    .build()),
            "wrong issuer", claims -> StaffTokens.signed(claims.issuer("https://evil.example.com").build()),
            "wrong audience", claims -> StaffTokens.signed(claims.audience("another-app").build()),
            "alg none", claims -> StaffTokens.unsigned(claims.build()),
            "tampered", claims -> StaffTokens.tampered(claims.build(), claims.claim("dzn_region", "000000")
                    .claim("dzn_roles", java.util.List.of("ADMIN")).build()),
            "another key", claims -> StaffTokens.sign(claims.build(), StaffTokens.STRANGER),
            "no region", claims -> StaffTokens.signed(claims.claim("dzn_region", null).build()),
            "no known role", claims -> StaffTokens.signed(claims.claim("dzn_roles", java.util.List.of("GOD")).build()),
            "not a JWT", claims -> "not-a-jwt");

    @ParameterizedTest
    @ValueSource(strings = {"expired", "wrong issuer", "wrong audience", "alg none", "tampered", "another key",
        "no region", "no known role", "not a JWT"})
    void attackTokensAre401AndNeverReachAService(String attack) {
        String token = ATTACKS.get(attack).apply(StaffTokens.claims("440100", "READ"));
        assertProblem(withToken(token), 401);
        assertThat(received()).as(attack).isEmpty();
    }
}
