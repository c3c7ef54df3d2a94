package cn.dzn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;

class AuthenticationTest extends GatewayTestSupport {

    @Test
    void aRequestWithoutKeyIs401AndNeverReachesTheService() {
        assertThat(assertProblem(get("/api/zones", null), 401).path("type").asString()).endsWith("/unauthenticated");
        assertThat(received()).isEmpty();
    }

    @Test
    void anUnknownKeyIs401() {
        assertProblem(get("/api/zones", "dzn_not-a-key-anyone-was-given"), 401);
        assertThat(received()).isEmpty();
    }

    /** The key the gateway once fell back to without DZN_ADMIN_KEY, printed in the old README. */
    @Test
    void theFormerDevelopmentAdminKeyIsRefused() {
        assertProblem(get("/api/zones", "dzn-dev-admin-key-0000000000000000"), 401);
        assertProblem(get("/api/clients", "dzn-dev-admin-key-0000000000000000"), 401);
        assertThat(received()).isEmpty();
    }

    @Test
    void theAdminKeyIsProxiedAsAnInternalTokenWithoutTheApiKey() {
        HttpResponse<String> response = send(request("/api/zones?limit=5", ADMIN_KEY)
                .header("Authorization", "Bearer forged-by-the-client").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("proxied");
        LoggedRequest proxied = onlyRequest();
        assertThat(proxied.getUrl()).isEqualTo("/api/zones?limit=5");
        assertThat(proxied.containsHeader("X-Api-Key")).isFalse();
        assertThat(proxied.getHeaders().getHeader("Authorization").values()).hasSize(1);
        Caller caller = callerOf(proxied);
        assertThat(caller.clientId()).isEqualTo("bootstrap-admin");
        assertThat(caller.region()).isEqualTo(RegionCode.NATIONAL);
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.READ, Role.WRITE);
    }

    @Test
    void theTokenIsReusedRatherThanSignedForEveryRequest() {
        get("/api/zones", ADMIN_KEY);
        get("/api/zones", ADMIN_KEY);
        List<String> tokens = received().stream().map(r -> r.getHeader("Authorization")).distinct().toList();
        assertThat(tokens).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/zones/abc", "/api/funds", "/api/vouchers/v1", "/api/talents", "/api/talent-bases"})
    void everyServicePathIsRouted(String path) {
        assertThat(get(path, ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(onlyRequest().getUrl()).isEqualTo(path);
    }

    @Test
    void aRequestIdIsCreatedPassedOnAndEchoed() {
        HttpResponse<String> response = get("/api/zones", ADMIN_KEY);

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(id).version()).isEqualTo(4);
        assertThat(UUID.fromString(id).variant()).isEqualTo(2);
        assertThat(onlyRequest().getHeader("X-Request-Id")).isEqualTo(id);
        assertThat(get("/api/zones", ADMIN_KEY).headers().firstValue("X-Request-Id").orElseThrow()).isNotEqualTo(id);
    }

    @Test
    void aClientsRequestIdIsKeptEvenOnA401() {
        HttpResponse<String> response = send(request("/api/zones", null).header("X-Request-Id", "city-batch-42").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("city-batch-42");
    }
}
