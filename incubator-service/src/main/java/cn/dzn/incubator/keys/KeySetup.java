package cn.dzn.incubator.keys;

import java.net.URI;
import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import cn.dzn.incubator.incubators.IncubatorService;
import cn.dzn.platform.identity.InternalTokenProperties;
import cn.dzn.platform.web.ProblemWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incubators' own keys: issued through the gateway at {@code dzn.incubator.keys.gateway-url}
 * ({@code DZN_GATEWAY_INTERNAL_URL}, its management port, {@link KeyProperties}); without one,
 * approvals still work and say that no key could be issued. {@link BoundCallerGate} judges every
 * request of such a key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyProperties.class)
class KeySetup {

    @Bean
    KeyIssuer keyIssuer(KeyProperties properties, InternalTokenProperties tokens, JsonMapper json, Clock clock) {
        URI gateway = properties.gateway();
        if (gateway == null) {
            return new KeyIssuer() {
                @Override
                public Issued issue(String incubatorId, String name, String regionCode) {
                    throw new Unavailable("no gateway is configured to issue keys (dzn.incubator.keys.gateway-url)");
                }

                @Override
                public void revoke(String clientId) {
                    throw new Unavailable("no gateway is configured to revoke keys (dzn.incubator.keys.gateway-url)");
                }
            };
        }
        return new GatewayKeyIssuer(gateway, tokens.secret(), json, clock);
    }

    @Bean
    FilterRegistrationBean<BoundCallerGate> boundCallerGate(IncubatorKeys keys, IncubatorService incubators,
            ProblemWriter problems) {
        FilterRegistrationBean<BoundCallerGate> registration =
                new FilterRegistrationBean<>(new BoundCallerGate(keys, incubators, problems));
        // After Spring Security's chain (-100), which has verified the token and set the caller.
        registration.setOrder(0);
        return registration;
    }
}
