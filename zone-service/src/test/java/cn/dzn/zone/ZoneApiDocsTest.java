package cn.dzn.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.dzn.platform.test.OpenApiRules;
import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document says what the service enforces: the kit's resources from each declaration,
 * the other features from their constraints and the caps on what they answer.
 */
class ZoneApiDocsTest extends ZoneServiceTestBase {

    JsonNode docs() {
        Response response = http().get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void eachResourceIsDescribedWithItsOwnSchemasAndRules() {
        JsonNode paths = docs().path("paths");

        JsonNode create = paths.path("/api/zones").path("post");
        assertThat(create.path("requestBody").path("content").path("application/json").path("schema").path("$ref")
                .asString()).isEqualTo("#/components/schemas/ZoneInput");
        assertThat(create.path("responses").path("201").path("content").path("application/json").path("schema")
                .path("$ref").asString()).isEqualTo("#/components/schemas/Zone");

        JsonNode replace = paths.path("/api/zones/{id}").path("put");
        assertThat(names(replace.path("parameters"))).contains("id", "If-Match");
        assertThat(replace.path("responses").has("428")).isTrue();
        assertThat(replace.path("responses").path("409").path("content").has("application/problem+json")).isTrue();

        JsonNode sync = paths.path("/api/reports/sync").path("post");
        assertThat(sync.path("parameters").get(0).path("name").asString()).isEqualTo("Idempotency-Key");
        assertThat(sync.path("parameters").get(0).path("required").asBoolean()).isTrue();
        assertThat(sync.path("requestBody").path("content").path("application/json").path("schema")
                .path("properties").path("records").path("maxItems").asInt()).isEqualTo(1000);
        assertThat(sync.path("responses").has("422")).isTrue();

        assertThat(paths.has("/api/reports/{id}/{transition}")).isFalse();
        assertThat(paths.path("/api/reports/{id}/return").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/ReturnRequest");
        assertThat(paths.path("/api/reports/{id}/submit").path("post").has("requestBody")).isFalse();

        JsonNode status = parameter(paths.path("/api/reports").path("get"), "status");
        assertThat(status.path("schema").path("enum").toString()).contains("SUBMITTED", "VERIFIED");
        assertThat(parameter(paths.path("/api/lists").path("get"), "limit").path("schema").path("maximum").asInt())
                .isEqualTo(500);
        assertThat(paths.path("/api/lists/audit").path("get").path("responses").has("403")).isTrue();
    }

    /** Issue 14: the OWASP API rules found 318 errors in this document. */
    @Test
    void theDocumentStatesSecurityLimitsAndErrorsEverywhere() {
        assertThat(OpenApiRules.violations(docs(), Set.of())).isEmpty();
    }

    /**
     * What the document states of a parameter the service enforces: one character past the
     * stated length is a 400 problem naming the parameter, and a list longer than stated too.
     */
    @Test
    void aParameterPastTheDocumentsLimitIsA400NamingIt() {
        JsonNode paths = docs().path("paths");
        int zoneId = parameter(paths.path("/api/reports/rollup").path("get"), "zoneId").path("schema")
                .path("maxLength").asInt();
        assertThat(zoneId).isEqualTo(64);
        Response rollup = http().get("/api/reports/rollup?indicator=contract_turnover&period=2025&zoneId="
                + "z".repeat(zoneId + 1), "Authorization", TestCallers.national());
        assertThat(rollup.status()).as(rollup.text()).isEqualTo(400);
        assertThat(rollup.contentType()).startsWith("application/problem+json");
        assertThat(rollup.json().path("errors").get(0).path("field").asString()).isEqualTo("zoneId");
        assertThat(rollup.json().path("errors").get(0).path("message").asString()).contains("64");

        int periods = parameter(paths.path("/api/reports/trading-index").path("get"), "periods").path("schema")
                .path("maxItems").asInt();
        assertThat(periods).isEqualTo(40);
        Response index = http().get("/api/reports/trading-index?base=2024&periods="
                + String.join(",", Collections.nCopies(periods + 1, "2024")), "Authorization", TestCallers.national());
        assertThat(index.status()).as(index.text()).isEqualTo(400);
        assertThat(index.json().path("errors").get(0).path("field").asString()).isEqualTo("periods");
        assertThat(index.json().path("errors").get(0).path("message").asString())
                .isEqualTo("1 to 40 periods, comma-separated");

        int after = parameter(paths.path("/api/lists/items").path("get"), "after").path("schema").path("maxLength")
                .asInt();
        assertThat(http().get("/api/lists/items?after=" + "a".repeat(after + 1), "Authorization",
                TestCallers.national()).json().path("errors").get(0).path("field").asString()).isEqualTo("after");
    }

    @Test
    void everyOperationOfAResourceAnswers401WithoutAToken() {
        JsonNode paths = docs().path("paths");
        for (String resource : List.of("/api/zones", "/api/reports", "/api/lists")) {
            paths.properties().stream().filter(path -> path.getKey().equals(resource)
                    || path.getKey().startsWith(resource + "/{id}") || path.getKey().matches(resource
                            + "/(sync|changes|audit)")).forEach(path -> path.getValue().properties()
                            .forEach(operation -> assertThat(operation.getValue().path("responses").has("401"))
                                    .as(operation.getKey() + " " + path.getKey()).isTrue()));
        }
    }

    private static List<String> names(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(parameter -> names.add(parameter.path("name").asString()));
        return names;
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asString().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }
}
