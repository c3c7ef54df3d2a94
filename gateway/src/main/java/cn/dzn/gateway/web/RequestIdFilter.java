package cn.dzn.gateway.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;

/**
 * Gives every request an X-Request-Id, passed to the service and echoed to the client, so one
 * id ties a client's report to the logs of every hop. Runs first so that even a 401 carries it.
 * The proxied request gets the header with the internal token (InternalTokenRelay), on the
 * copy of the headers Spring Cloud Gateway makes for it.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    // Attributes are shared by an exchange and its mutations, so error handlers see the id too.
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();

    // A client's own id is kept only when it cannot smuggle anything into headers or logs.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The log pattern's key (dzn-observability.yml), the same one the services use. */
    static final String MDC_KEY = "requestId";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming
                : newId();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /**
     * A random (version 4) UUID like UUID.randomUUID()'s, without its SecureRandom, which reads
     * /dev/urandom under a lock on every call (JFR): a request id is a label, not a secret.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The request's id, set for every request before anything else runs. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /**
     * Puts the request's id and trace into the logging MDC until closed, for a log line written
     * on behalf of the request. Reactor's automatic context propagation would do it for every
     * operator, at a cost the gateway-overhead benchmark measured at a fifth of the gateway's
     * CPU per request (docs/performance.md); the gateway logs only when something failed.
     */
    static MDC.MDCCloseable logContext(ServerWebExchange exchange) {
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(observation -> observation.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .ifPresent(span -> {
                    MDC.put("traceId", span.context().traceId());
                    MDC.put("spanId", span.context().spanId());
                });
        Object id = exchange.getAttribute(ATTRIBUTE);
        return MDC.putCloseable(MDC_KEY, id == null ? "" : id.toString());
    }

    /** The problem, with the request's id as its {@code requestId} member. */
    static ProblemDetail stamp(ProblemDetail problem, ServerWebExchange exchange) {
        Object id = exchange.getAttribute(ATTRIBUTE);
        if (id != null) {
            problem.setProperty("requestId", id);
        }
        return problem;
    }

    static ResponseEntity<Object> stamp(ResponseEntity<Object> answer, ServerWebExchange exchange) {
        if (answer.getBody() instanceof ProblemDetail problem) {
            stamp(problem, exchange);
        }
        return answer;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
