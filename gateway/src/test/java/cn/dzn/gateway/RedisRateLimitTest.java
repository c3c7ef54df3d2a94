package cn.dzn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.dzn.platform.test.EmbeddedMongo;

/**
 * REDIS_URL set: the buckets live in a real Redis, so every gateway replica draws from the same
 * ones, and a Redis outage lets requests through instead of failing or hanging them.
 */
class RedisRateLimitTest extends RateLimitBehaviour {

    private static final RedisProcess REDIS = new RedisProcess().start();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("dzn.rate-limits.redis-url", REDIS::url);
    }

    /**
     * Spring Cloud Gateway's Redis script reads Redis's clock in whole seconds, so a token can come
     * back as soon as two second boundaries have passed: just over 1 s after the first one taken.
     */
    @Override
    protected Duration shortestRefillWait() {
        return Duration.ofSeconds(1);
    }

    @Test
    void aSecondReplicaRefusesTheClientTheFirstOneEmptied() {
        // Started first: the bucket refills while a replica starts up.
        try (ConfigurableApplicationContext replica = secondReplica()) {
            String key = newCityKey();
            for (int i = 0; i < BURST; i++) {
                assertThat(get("/api/zones", key).statusCode()).isEqualTo(200);
            }
            int ownPort = port;
            port = Integer.parseInt(replica.getEnvironment().getProperty("local.server.port"));
            try {
                assertProblem(get("/api/zones", key), 429);
                assertThat(get("/api/zones", newCityKey()).statusCode()).isEqualTo(200);
            } finally {
                port = ownPort;
            }
        }
    }

    @Test
    void whileRedisIsDownRequestsPassPromptlyAndLimitsResumeWhenItIsBack() {
        String key = newCityKey();
        REDIS.stop();
        try {
            for (int i = 0; i < BURST + 2; i++) {
                Instant start = Instant.now();
                assertThat(get("/api/zones", key).statusCode()).as("request %d", i + 1).isEqualTo(200);
                // Not a speed target: the limiter must give up on Redis instead of waiting for it.
                assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
            }
        } finally {
            REDIS.start();
        }
        String fresh = newCityKey();
        await429(fresh);
    }

    /** Lettuce reconnects in the background; the first calls after the restart may still fail open. */
    private void await429(String key) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/zones", key).statusCode() == 429);
    }

    private ConfigurableApplicationContext secondReplica() {
        // Own Netty resources: closing this replica must not shut down the loops the first one uses.
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.mongodb.uri=" + EmbeddedMongo.uri(),
                "--ZONE_SERVICE_URL=" + SERVICE.baseUrl(), "--FUND_SERVICE_URL=" + SERVICE.baseUrl(),
                "--TALENT_SERVICE_URL=" + SERVICE.baseUrl(), "--INCUBATOR_SERVICE_URL=" + INCUBATOR_URL,
                "--dzn.rate-limits.redis-url=" + REDIS.url(), "--dzn.rate-limits.clients.burst=" + BURST,
                "--dzn.rate-limits.clients.refill-every=2s"));
        // The same store holds the keys, so the replica hashes them with the same secret.
        arguments.addAll(secretArguments());
        return new SpringApplicationBuilder(GatewayApplication.class, OwnNettyResources.class)
                .run(arguments.toArray(String[]::new));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            return factory;
        }
    }
}
