package cn.dzn.relay;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** The two gateways the relay talks to. */
@Configuration
class GatewaySetup {

    @Bean
    @Qualifier("local")
    Gateway localGateway(RelayProperties properties, JsonMapper json) {
        return new Gateway(properties.local().url(), properties.local().key(), properties.timeout(), json);
    }

    @Bean
    @Qualifier("upstream")
    Gateway upstreamGateway(RelayProperties properties, JsonMapper json) {
        return new Gateway(properties.upstream().url(), properties.upstream().key(), properties.timeout(), json);
    }
}
