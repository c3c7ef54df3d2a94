package cn.dzn.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.dzn.platform.test.OpenApiRules;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * The service's OpenAPI document says what it enforces (issue 14, finding 8): security on every
 * operation but the keyless registration, limits on every string and list, requests and answers
 * alike, and the errors each operation answers as problems.
 */
class IncubatorApiDocsTest extends IncubatorTestBase {

    private JsonNode docs() {
        Response response = http.get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void theDocumentStatesSecurityLimitsAndErrorsEverywhere() {
        assertThat(OpenApiRules.violations(docs(), Set.of("POST /api/incubators/registrations"))).isEmpty();
    }

    @Test
    void everyRouteOfTheServiceIsDescribed() {
        JsonNode paths = docs().path("paths");
        for (String path : new String[] {"/api/incubators", "/api/incubators/{id}", "/api/incubators/{id}/close",
            "/api/incubators/{incubatorId}/assessment", "/api/incubators/{incubatorId}/tenants",
            "/api/incubators/{incubatorId}/key",
            "/api/incubators/targets/shenzhen-maker-spaces", "/api/incubators/tenants",
            "/api/incubators/tenants/{id}/start", "/api/incubators/tenants/{id}/graduate",
            "/api/incubators/tenants/{id}/exit", "/api/incubators/tenants/counts", "/api/incubators/tenants/sync",
            "/api/incubators/pairings", "/api/incubators/pairings/{id}/confirm", "/api/incubators/pairings/{id}/end",
            "/api/incubators/pairings/moves", "/api/incubators/pairings/moves/sync",
            "/api/incubators/registrations", "/api/incubators/registrations/{id}/approve"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.path("/api/incubators/registrations").path("post").path("security").isEmpty()).isTrue();
        assertThat(paths.path("/api/incubators/registrations").path("post").path("responses").has("409")).isTrue();
        assertThat(paths.path("/api/incubators/{incubatorId}/key").path("post").path("responses").path("503").path("content")
                .has("application/problem+json")).isTrue();
        JsonNode approval = paths.path("/api/incubators/registrations/{id}/approve").path("post").path("responses")
                .path("200").path("content");
        assertThat(approval.toString()).contains("Approval");
        assertThat(docs().path("components").path("schemas").path("Approval").path("properties").has("status"))
                .as("the registration's fields at the top of the approval").isTrue();
        assertThat(paths.has("/internal/figures")).isFalse();
    }
}
