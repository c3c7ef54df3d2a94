package cn.dzn.zone.overview;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

@Configuration
class OverviewSetup {

    /** Every Feign call gets the overview's time limit and a breaker, configured from application.yml. */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> overviewBreakers(OverviewProperties properties) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.timeLimit()).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(properties.failureRateThreshold())
                        .minimumNumberOfCalls(properties.minimumCalls())
                        .waitDurationInOpenState(properties.openFor())
                        .build())
                .build());
    }

    /** Threads that wait on the downstream calls, so the three run side by side. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService overviewExecutor() {
        return Executors.newFixedThreadPool(24);
    }
}
