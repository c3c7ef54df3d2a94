package cn.dzn.gateway.resilience;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Hooks;
import reactor.netty.http.server.HttpServer;

/**
 * A request must arrive whole, body included, within {@code dzn.resilience.request-time-limit},
 * or Reactor Netty drops its connection. The gateway streams a body on to the service as it
 * comes, and a route's time limit starts only once the request is sent (RouteTimeLimits), so a
 * client sending slowly would otherwise hold a connection and a thread of the service for as
 * long as it liked; the public registration needs no key. Not Netty's per-read timeout: that
 * fails with a Netty time-out, which the breaker would count against the service.
 *
 * Reactor Netty reports the drop as an error of the request, which either fails the exchange
 * (Failures answers 408, if the client still listens) or, when the exchange already ended with
 * the connection, is dropped, and Reactor logs dropped errors at ERROR with a stack trace. Both
 * are logged as one line at INFO instead: one per slow client. Every other dropped error is
 * logged as Reactor would.
 */
@Component
public class RequestTimeLimit implements NettyServerCustomizer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RequestTimeLimit.class);
    // Package-private in Reactor Netty, hence the name.
    private static final String TIMED_OUT = "reactor.netty.http.server.RequestTimeoutException";

    private final Duration limit;

    RequestTimeLimit(ResilienceProperties properties) {
        this.limit = properties.requestTimeLimit();
        Hooks.onErrorDropped(this::dropped);
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.requestTimeout(limit);
    }

    /** Notes it in one line and says so when the failure is a request that did not arrive in time. */
    public static boolean noteSlowClient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (TIMED_OUT.equals(cause.getClass().getName())) {
                log.info("a client did not send its whole request in time; its connection was closed");
                return true;
            }
        }
        return false;
    }

    private void dropped(Throwable error) {
        if (!noteSlowClient(error)) {
            log.error("Operator called default onErrorDropped", error);
        }
    }

    @Override
    public void destroy() {
        Hooks.resetOnErrorDropped();
    }
}
