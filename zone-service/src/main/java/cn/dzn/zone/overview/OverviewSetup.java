package cn.dzn.zone.overview;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import feign.Request;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

@Configuration
class OverviewSetup {

    /**
     * Every Feign call gets a breaker, configured from application.yml. A call slower than the time
     * limit counts against it as a failure would: a service that answers byte by byte never trips
     * a socket timeout, but it holds an overview thread until it is done, so enough of them must
     * open the breaker too.
     */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> overviewBreakers(OverviewProperties properties) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(properties.failureRateThreshold())
                        .slowCallDurationThreshold(properties.timeLimit())
                        .slowCallRateThreshold(properties.failureRateThreshold())
                        .minimumNumberOfCalls(properties.minimumCalls())
                        .waitDurationInOpenState(properties.openFor())
                        .build())
                .build());
    }

    /**
     * Every Feign call gets the overview's time limit as its socket timeouts, so a call that hangs
     * fails on its own thread and counts against its breaker (OverviewService bounds the whole
     * call as well). Redirects are not followed: the caller's token would go along.
     */
    @Bean
    Request.Options overviewCallTimeouts(OverviewProperties properties) {
        long limit = properties.timeLimit().toMillis();
        return new Request.Options(Math.min(limit, 1000), TimeUnit.MILLISECONDS, limit, TimeUnit.MILLISECONDS, false);
    }

    /** Threads that wait on the downstream calls, so the three run side by side. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService overviewExecutor() {
        return Executors.newFixedThreadPool(24);
    }
}
