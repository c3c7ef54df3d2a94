package cn.dzn.gateway.web;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Last resort for failures no handler answered (web filters, the proxy outside the dispatcher):
 * problem+json instead of Boot's own error format, which this handler is ordered before.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

    private final Failures failures;
    private final ProblemResponses problems;

    GatewayErrorHandler(Failures failures, ProblemResponses problems) {
        this.failures = failures;
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        return problems.write(exchange, failures.describe(ex, exchange));
    }
}
