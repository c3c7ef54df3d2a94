package cn.dzn.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What an OpenAPI document must say for the API Security rules it is linted with (issue 14):
 * every operation is secured (but the declared public ones), answers its errors (401 when
 * secured, 400 when it takes input, 429 and 500 always) as problems; every string is bounded
 * (maxLength, an enum or a const) and every array has maxItems; no internal path is listed.
 * A module's test asserts that {@link #violations} of its document is empty.
 */
public final class OpenApiRules {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiRules() {
    }

    /**
     * @param publicOperations e.g. {@code POST /api/incubators/registrations}: operations that
     *                         need no credentials
     */
    public static List<String> violations(JsonNode document, Set<String> publicOperations) {
        List<String> found = new ArrayList<>();
        if (document.path("components").path("securitySchemes").isEmpty()) {
            found.add("no security scheme is declared");
        }
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (path.getKey().startsWith("/internal")) {
                found.add(path.getKey() + ": an internal path is listed");
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    String name = operation.getKey().toUpperCase() + " " + path.getKey();
                    checkOperation(document, name, operation.getValue(), publicOperations.contains(name), found);
                }
            }
        }
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            checkSchema("schema " + schema.getKey(), schema.getValue(), found);
        }
        return found;
    }

    private static void checkOperation(JsonNode document, String name, JsonNode operation, boolean open,
            List<String> found) {
        JsonNode security = operation.has("security") ? operation.path("security") : document.path("security");
        boolean secured = security.isArray() && !security.isEmpty() && !security.get(0).isEmpty();
        if (open == secured) {
            found.add(name + (open ? ": public, yet it requires credentials" : ": no security requirement"));
        }
        JsonNode responses = operation.path("responses");
        boolean takesInput = !operation.path("parameters").isEmpty() || operation.has("requestBody");
        List<String> required = new ArrayList<>(List.of("429", "500"));
        if (!open) {
            required.add("401");
        }
        for (String status : required) {
            if (!responses.has(status)) {
                found.add(name + ": no " + status + " answer");
            }
        }
        if (takesInput && !responses.has("400") && !responses.has("422")) {
            found.add(name + ": takes input but describes no 400 answer");
        }
        operation.path("parameters").forEach(parameter -> checkSchema(name + " parameter "
                + parameter.path("name").asString(), parameter.path("schema"), found));
        operation.path("requestBody").path("content").properties()
                .forEach(media -> checkSchema(name + " body", media.getValue().path("schema"), found));
        responses.properties().forEach(response -> response.getValue().path("content").properties()
                .forEach(media -> checkSchema(name + " answer " + response.getKey(), media.getValue().path("schema"),
                        found)));
    }

    private static void checkSchema(String where, JsonNode schema, List<String> found) {
        if (schema.isMissingNode() || schema.has("$ref")) {
            return;
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString()
                : schema.path("type").asString();
        if ("string".equals(type) && !schema.has("maxLength") && !schema.has("enum") && !schema.has("const")) {
            found.add(where + ": a string without maxLength");
        }
        if ("array".equals(type) && !schema.has("maxItems")) {
            found.add(where + ": an array without maxItems");
        }
        schema.path("properties").properties().forEach(p -> checkSchema(where + "." + p.getKey(), p.getValue(), found));
        checkSchema(where + "[]", schema.path("items"), found);
        if (schema.path("additionalProperties").isObject()) {
            checkSchema(where + "{}", schema.path("additionalProperties"), found);
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            schema.path(combined).forEach(part -> checkSchema(where, part, found));
        }
    }
}
