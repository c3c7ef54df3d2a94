package cn.dzn.platform.errors;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The project's RFC 9457 problem types. Each factory returns an exception that Spring MVC
 * renders as {@code application/problem+json}; the {@code type} URI names the kind of problem.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://dzn.example.cn/problems/";

    private Problems() {
    }

    /** Our problem type for a status, for the problems Spring raises itself with about:blank. */
    public static String typeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> status.is4xxClientError() ? "bad-request" : "internal";
        };
    }

    /** The problem with our type instead of about:blank, and a detail if it had none. */
    public static ProblemDetail typed(ProblemDetail problem) {
        HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(TYPE_BASE + typeFor(status)));
        }
        if (problem.getDetail() == null || problem.getDetail().startsWith("No static resource")) {
            problem.setDetail(switch (status.value()) {
                case 404 -> "nothing is served at this path";
                case 413 -> "the request body is too large";
                default -> "the request failed";
            });
        }
        return problem;
    }

    public static ProblemDetail detail(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        return problem;
    }

    public static ErrorResponseException of(HttpStatus status, String type, String detail) {
        return new ErrorResponseException(status, detail(status, type, detail), null);
    }

    public static ErrorResponseException notFound(String what) {
        return of(HttpStatus.NOT_FOUND, "not-found", what + " does not exist or lies outside your region");
    }

    public static ErrorResponseException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    public static ErrorResponseException badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, "bad-request", detail);
    }

    /** A write named a version that is no longer current; the answer carries the current one. */
    public static ErrorResponseException staleVersion(long expected, long current) {
        ErrorResponseException e = of(HttpStatus.CONFLICT, "stale-version",
                "the record is at version " + current + ", not " + expected + "; read it again and retry");
        e.getBody().setProperty("currentVersion", current);
        return e;
    }

    /** A 400 listing the fields that are wrong, for checks that Bean Validation cannot express. */
    public static ErrorResponseException invalid(java.util.List<FieldError> errors) {
        ErrorResponseException e = of(HttpStatus.BAD_REQUEST, "validation",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        e.getBody().setProperty("errors", errors);
        return e;
    }

    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, "conflict", detail);
    }
}
