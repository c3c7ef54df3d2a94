package cn.dzn.syncclient;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The network's sync wire format (docs/sync.md), kept here rather than shared with the services
 * because a bureau gets only this jar.
 */
final class Wire {

    /** Record files are read strictly: a misspelt field must be refused here, not dropped silently. */
    static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Answers are read leniently, so a newer network adding fields does not break older clients. */
    static final JsonMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Wire() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SyncRecord(String id, Long version, Boolean deleted, JsonNode data) {
    }

    record SyncBatch(List<SyncRecord> records) {
    }

    record FieldError(String field, String message) {
    }

    record RecordResult(int index, String id, String outcome, Long version, Long currentVersion,
            List<FieldError> errors) {
    }

    record SyncAnswer(Map<String, Integer> counts, List<RecordResult> results) {
    }

    /** One page of a change feed; items are kept as received, so the out file holds them verbatim. */
    record ChangesPage(List<JsonNode> items, String next) {
    }

    /** An RFC 9457 problem as the network answers it. */
    record Problem(String type, String title, String detail, List<FieldError> errors) {

        /** The last path segment of the type URI, e.g. {@code request-in-progress}; null if none. */
        String kind() {
            return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
        }

        /** The problem in the body, or null when the body is not one (a proxy's HTML page, say). */
        static Problem parse(String body) {
            try {
                JsonNode node = LENIENT.readTree(body);
                return node != null && node.isObject() ? LENIENT.treeToValue(node, Problem.class) : null;
            } catch (JacksonException e) {
                return null;
            }
        }

        /** A one-line account of a refused request, for the operator reading the output. */
        static String describe(int status, String body) {
            Problem problem = parse(body);
            if (problem == null) {
                String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
                return "HTTP " + status + (text.isEmpty() ? "" : ": " + abbreviate(text));
            }
            StringBuilder line = new StringBuilder("HTTP ").append(status);
            if (problem.kind() != null) {
                line.append(' ').append(problem.kind());
            }
            String detail = problem.detail() != null ? problem.detail() : problem.title();
            if (detail != null) {
                line.append(": ").append(detail);
            }
            if (problem.errors() != null) {
                problem.errors().forEach(e -> line.append("; ").append(e.field()).append(": ").append(e.message()));
            }
            return line.toString();
        }

        private static String abbreviate(String text) {
            return text.length() <= 200 ? text : text.substring(0, 200) + "…";
        }
    }
}
