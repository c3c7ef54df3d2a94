package cn.dzn.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import cn.dzn.platform.identity.InternalTokenProperties;

/** The one public entry: authenticates API keys, routes to the services, serves /api/clients. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(InternalTokenProperties.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
