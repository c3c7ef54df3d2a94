package cn.dzn.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/** The OpenAPI of the kit's resources says what the kit enforces, from each declaration. */
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
