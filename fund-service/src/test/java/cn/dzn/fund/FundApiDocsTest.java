package cn.dzn.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.dzn.platform.test.OpenApiRules;
import tools.jackson.databind.JsonNode;

/** The service's OpenAPI states security, limits and every error answer, its own handlers' too. */
class FundApiDocsTest extends FundServiceTestBase {

    @Test
    void theDocumentStatesSecurityLimitsAndErrorsEverywhere() {
        JsonNode docs = http.get("/v3/api-docs").json();

        assertThat(OpenApiRules.violations(docs, Set.of())).isEmpty();
    }

    @Test
    void theMoneyHandlersNameTheirRefusals() {
        JsonNode paths = http.get("/v3/api-docs").json().path("paths");

        assertThat(paths.path("/api/vouchers/{voucherId}/redemptions").path("post").path("responses").properties())
                .extracting(java.util.Map.Entry::getKey).contains("400", "401", "403", "404", "409", "422");
        assertThat(paths.path("/api/funds/sub-funds/{subFundId}/investments").path("post").path("responses").has("409"))
                .isTrue();
        assertThat(paths.path("/api/funds/sub-funds/{subFundId}/establish").path("post").path("responses").has("428"))
                .isTrue();
        assertThat(paths.path("/api/subsidies/applications").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asString()).endsWith("ApplicationInput");
        assertThat(paths.path("/api/vouchers/{voucherId}/revoke").path("post").path("responses").has("409")).isTrue();
        assertThat(paths.has("/api/voucher-agreements/sync")).isTrue();
    }
}
