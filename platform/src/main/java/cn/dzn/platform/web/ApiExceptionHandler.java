package cn.dzn.platform.web;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.regions.InvalidRegionCodeException;
import jakarta.validation.ConstraintViolationException;

/**
 * Turns every error a controller can raise into RFC 9457 problem+json: 400s carry a list of
 * field errors, nothing carries a stack trace, and anything unexpected is a plain 500 that is
 * logged here instead of being shown.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SizeLimitedRequest.TooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.detail(
                        HttpStatus.CONTENT_TOO_LARGE, "body-too-large", tooLarge.getMessage()));
            }
        }
        ProblemDetail problem = Problems.detail(HttpStatus.BAD_REQUEST, "unreadable-body",
                UnreadableBody.explain(ex));
        return ResponseEntity.badRequest().body(problem);
    }

    /** Problems Spring builds itself (404 for an unknown path, 405, 415 ...) get our type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return super.createResponseEntity(body instanceof ProblemDetail problem ? Problems.typed(problem) : body,
                headers, status, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return validationProblem(errors);
    }

    @ExceptionHandler(InvalidRegionCodeException.class)
    ResponseEntity<Object> invalidRegion(InvalidRegionCodeException ex) {
        return ResponseEntity.badRequest().body(Problems.detail(HttpStatus.BAD_REQUEST, "invalid-region", ex.getMessage()));
    }

    @ExceptionHandler(MongoWriteException.class)
    ResponseEntity<Object> writeFailed(MongoWriteException ex) {
        if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.detail(HttpStatus.CONFLICT, "duplicate",
                    "a record with the same key exists already"));
        }
        return unexpected(ex);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("unexpected error", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.detail(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal", "the service failed to handle the request; it was logged"));
    }

    private static ResponseEntity<Object> validationProblem(List<FieldError> errors) {
        return ResponseEntity.badRequest().body(Problems.invalid(errors).getBody());
    }
}
