package cn.dzn.gateway.ratelimits;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.cloud.gateway.filter.ratelimit.Bucket4jRateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import com.github.benmanes.caffeine.cache.Caffeine;

import cn.dzn.gateway.ratelimits.RateLimitProperties.Limit;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.lettuce.core.ClientOptions;

/**
 * Spring Cloud Gateway's own token-bucket limiters: Bucket4j in memory on the embedded default,
 * the Redis limiter (one Lua script per request, shared by all replicas) when a Redis URL is set.
 * Both fail open: if Redis is unreachable the request goes on, and the failure is logged by the
 * limiter — an outage of the counter must not become an outage of the API.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitSetup {

    static final String CLIENTS = "clients";
    static final String PUBLIC_PATHS = "public-paths";

    @Bean
    @ConditionalOnExpression("'${dzn.rate-limits.redis-url:}'.isBlank()")
    RateLimiter<?> inMemoryRateLimiter(RateLimitProperties limits, ConfigurationService configuration) {
        // Idle buckets are full buckets, so forgetting them after one full refill loses nothing.
        // Every draw writes its bucket: Caffeine's upkeep after a write runs right there, instead
        // of waking a thread of the common pool for it on nearly every request under light load.
        Duration keep = max(limits.clients().fullRefill(), limits.publicPaths().fullRefill());
        Caffeine<Object, Object> buckets = Caffeine.newBuilder().maximumSize(200_000).executor(Runnable::run);
        Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(
                new CaffeineProxyManager<String>(buckets, keep).asAsync(), configuration);
        limiter.getConfig().put(CLIENTS, bucket4j(limits.clients()));
        limiter.getConfig().put(PUBLIC_PATHS, bucket4j(limits.publicPaths()));
        return limiter;
    }

    @Bean
    @ConditionalOnExpression("!'${dzn.rate-limits.redis-url:}'.isBlank()")
    LettuceConnectionFactory rateLimitRedis(RateLimitProperties limits) {
        // Fail fast while Redis is away, instead of queueing commands for the 60 s default timeout.
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofMillis(500))
                .clientOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build())
                .build();
        return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(limits.redisUrl()), client);
    }

    @Bean
    @ConditionalOnExpression("!'${dzn.rate-limits.redis-url:}'.isBlank()")
    RateLimiter<?> redisRateLimiter(RateLimitProperties limits, LettuceConnectionFactory redis,
            ConfigurationService configuration) {
        RedisScript<List<Long>> script = RedisScript.of(
                new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"), (Class) List.class);
        RedisRateLimiter limiter = new RedisRateLimiter(new ReactiveStringRedisTemplate(redis), script, configuration);
        limiter.setIncludeHeaders(false);
        limiter.getConfig().put(CLIENTS, redis(limits.clients()));
        limiter.getConfig().put(PUBLIC_PATHS, redis(limits.publicPaths()));
        return limiter;
    }

    private static Bucket4jRateLimiter.Config bucket4j(Limit limit) {
        return new Bucket4jRateLimiter.Config().setCapacity(limit.burst()).setRefillPeriod(limit.refillEvery())
                .setRefillTokens(1L).setRequestedTokens(1);
    }

    /**
     * The Redis script counts whole tokens per second, so a slower refill charges a request
     * several tokens: one request per 6 s becomes 6 tokens a request at 1 token/s.
     */
    private static RedisRateLimiter.Config redis(Limit limit) {
        long millis = limit.refillEvery().toMillis();
        if (millis <= 1000) {
            return new RedisRateLimiter.Config().setReplenishRate((int) Math.max(1, Math.round(1000.0 / millis)))
                    .setRequestedTokens(1).setBurstCapacity(limit.burst());
        }
        int tokensPerRequest = (int) limit.retryAfterSeconds();
        return new RedisRateLimiter.Config().setReplenishRate(1).setRequestedTokens(tokensPerRequest)
                .setBurstCapacity((long) limit.burst() * tokensPerRequest);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
