package cn.dzn.platform.errors;

import java.net.URI;

import org.springframework.http.HttpStatus;
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
