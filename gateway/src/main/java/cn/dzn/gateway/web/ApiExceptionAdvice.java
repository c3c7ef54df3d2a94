package cn.dzn.gateway.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Errors raised under the dispatcher (the gateway's own endpoints and the proxy alike) as RFC 9457
 * problems: a 400 lists its field errors, nothing shows a stack trace, and unexpected failures are
 * logged rather than shown.
 */
@RestControllerAdvice
class ApiExceptionAdvice extends ResponseEntityExceptionHandler {

    private final Failures failures;

    ApiExceptionAdvice(Failures failures) {
        this.failures = failures;
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldError> errors = ex.getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return Mono.just(RequestIdFilter.stamp(validationProblem(errors), exchange));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (ex.getCause() instanceof TypeMismatchException mismatch) {
            return Mono.just(RequestIdFilter.stamp(validationProblem(List.of(new FieldError(parameterName(ex, mismatch),
                    "'" + mismatch.getValue() + "' is not a valid " + simpleName(mismatch.getRequiredType())))), exchange));
        }
        JacksonException jackson = find(ex, JacksonException.class);
        if (jackson == null) {
            return Mono.just(RequestIdFilter.stamp(problem(HttpStatus.BAD_REQUEST, "unreadable-body",
                    "the request body is missing or is not JSON"), exchange));
        }
        JsonFault fault = JsonFault.of(jackson);
        if (fault.field() == null) {
            return Mono.just(RequestIdFilter.stamp(problem(HttpStatus.BAD_REQUEST, "unreadable-body", fault.message()), exchange));
        }
        return Mono.just(RequestIdFilter.stamp(validationProblem(List.of(new FieldError(fault.field(), fault.message()))), exchange));
    }

    /** Worded by Failures like any other failure: a status exception's reason may name library internals. */
    @Override
    protected Mono<ResponseEntity<Object>> handleResponseStatusException(ResponseStatusException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return Mono.just(other(ex, exchange));
    }

    /** Anything else, including failures of proxied requests, which Spring routes here too. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> other(Exception ex, ServerWebExchange exchange) {
        ProblemDetail problem = failures.describe(ex, exchange);
        return RequestIdFilter.stamp(ResponseEntity.status(problem.getStatus()).body(problem), exchange);
    }

    /** Problems Spring builds itself (404, 405, 415, ...) get our type instead of about:blank. */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        return super.createResponseEntity(body instanceof ProblemDetail problem
                ? RequestIdFilter.stamp(Problems.typed(problem), exchange) : body, headers, status, exchange);
    }

    private static ResponseEntity<Object> validationProblem(List<FieldError> errors) {
        ProblemDetail problem = Problems.detail(HttpStatus.BAD_REQUEST, "validation",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String detail) {
        return ResponseEntity.status(status).body(Problems.detail(status, type, detail));
    }

    private static String parameterName(ServerWebInputException ex, TypeMismatchException mismatch) {
        if (mismatch.getPropertyName() != null) {
            return mismatch.getPropertyName();
        }
        return ex.getMethodParameter() == null ? "parameter" : ex.getMethodParameter().getParameterName();
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName().toLowerCase();
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
