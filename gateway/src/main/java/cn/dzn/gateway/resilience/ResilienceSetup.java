package cn.dzn.gateway.resilience;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * The breakers behind the CircuitBreaker filter every route gets (application.yml,
 * default-filters). Only the service's own faults count against it: unreachable, too slow
 * (RouteTimeLimits), connection dropped. A client's bad request (an oversized body, say) must
 * never open the breaker for everyone else.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceSetup {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(ResilienceProperties properties) {
        ResilienceProperties.Breaker breaker = properties.breaker();
        return factory -> factory.configureDefault(route -> new Resilience4JConfigBuilder(route)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(breaker.failureRate())
                        .slidingWindowSize(breaker.slidingWindow())
                        .minimumNumberOfCalls(breaker.minimumCalls())
                        .waitDurationInOpenState(breaker.openFor())
                        .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                        .automaticTransitionFromOpenToHalfOpenEnabled(false)
                        .recordException(ResilienceSetup::isServiceFault)
                        .build())
                .build());
    }

    /**
     * Timeouts, refused and dropped connections: IOExceptions, or Java's or Netty's
     * TimeoutExceptions (RouteTimeLimits), underneath.
     */
    static boolean isServiceFault(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException
                    || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
