package cn.dzn.gateway.web;

import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

import com.mongodb.MongoException;

import cn.dzn.gateway.resilience.RequestTimeLimit;
import cn.dzn.gateway.resilience.ResilienceProperties;
import cn.dzn.platform.errors.Problems;
import reactor.netty.http.client.PrematureCloseException;

/**
 * What a failure means to the client, as a problem: a service that cannot be reached is 503 (with
 * Retry-After when its breaker is open), one that hangs 504, one that drops the connection 502; a
 * client too slow to send its request 408 (RequestTimeLimit); anything unforeseen is a logged 500
 * that shows nothing of the gateway's insides. Shared by the controller advice (which Spring also
 * consults for proxied requests) and the last-resort exception handler.
 */
@Component
class Failures {

    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    private final ResilienceProperties resilience;

    Failures(ResilienceProperties resilience) {
        this.resilience = resilience;
    }

    ProblemDetail describe(Throwable ex, ServerWebExchange exchange) {
        try (MDC.MDCCloseable logContext = RequestIdFilter.logContext(exchange)) {
            return explain(ex, exchange);
        } finally {
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }

    private ProblemDetail explain(Throwable ex, ServerWebExchange exchange) {
        if (ex instanceof ServiceUnavailableException) {
            // Only an open breaker raises this: answered at once, with when to come back.
            long wait = resilience.breaker().retryAfterSeconds();
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "the service behind this path is failing and the gateway "
                    + "is not sending it requests for now; try again in " + wait + " s");
        }
        if (RequestTimeLimit.noteSlowClient(ex)) {
            return problem(HttpStatus.REQUEST_TIMEOUT, "the request did not arrive whole in time");
        }
        if (causedBy(ex, TimeoutException.class) || causedBy(ex, io.netty.handler.timeout.TimeoutException.class)) {
            return problem(HttpStatus.GATEWAY_TIMEOUT, "the service did not answer in time");
        }
        if (ex instanceof ErrorResponse response) {
            return fromStatus(response);
        }
        if (causedBy(ex, ConnectException.class)) {
            log.warn("service unreachable: {}", ex.toString());
            return problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "the service behind this path cannot be reached; try again later");
        }
        if (causedBy(ex, PrematureCloseException.class)) {
            return problem(HttpStatus.BAD_GATEWAY, "the service closed the connection before answering");
        }
        if (causedBy(ex, MongoException.class)) {
            log.warn("client store failed: {}", ex.toString());
            return problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "the gateway cannot reach its client store; try again later");
        }
        log.error("unexpected gateway failure", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "the gateway failed to handle the request; it was logged");
    }

    private static ProblemDetail fromStatus(ErrorResponse response) {
        ProblemDetail body = response.getBody();
        ProblemDetail copy = ProblemDetail.forStatusAndDetail(response.getStatusCode(), body.getDetail());
        copy.setType(body.getType());
        if (body.getProperties() != null) {
            body.getProperties().forEach(copy::setProperty);
        }
        return Problems.typed(copy);
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(Problems.TYPE_BASE + Problems.typeFor(status)));
        return problem;
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
