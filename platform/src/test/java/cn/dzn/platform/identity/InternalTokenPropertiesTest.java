package cn.dzn.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A service is started as the services are (the platform's auto-configuration and dzn-platform.yml)
 * on a servlet server: without the secret it shares with the gateway it must not come up at all,
 * whatever the profile, since any secret it fell back to would be one anybody could sign with.
 */
class InternalTokenPropertiesTest {

    @Test
    void aServiceStartedWithoutTheTokenSecretRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> start("--dzn.internal-token.secret="))
                .rootCause().hasMessageContaining("DZN_INTERNAL_TOKEN_SECRET is not set");
    }

    @Test
    void aServiceStartedWithASecretComesUp() {
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        try (ConfigurableApplicationContext context = start("--dzn.internal-token.secret=" + secret)) {
            assertThat(context.getBean(InternalTokens.class)).isNotNull();
        }
    }

    @Test
    void noSecretIsMadeUpWhenNoneIsGiven() {
        assertThatThrownBy(() -> new InternalTokenProperties(null, null, null))
                .hasMessageContaining("DZN_INTERNAL_TOKEN_SECRET");
        assertThatThrownBy(() -> new InternalTokenProperties("  ", null, null))
                .hasMessageContaining("DZN_INTERNAL_TOKEN_SECRET");
        assertThatThrownBy(() -> new InternalTokenProperties("too-short", null, null))
                .hasMessageContaining("at least 32 bytes");
    }

    private static ConfigurableApplicationContext start(String... args) {
        // Command-line arguments outrank a DZN_INTERNAL_TOKEN_SECRET the developer may have exported.
        return new SpringApplicationBuilder(AService.class)
                .properties("spring.config.import=classpath:dzn-platform.yml", "spring.main.banner-mode=off",
                        "spring.application.name=a-service", "server.port=0", "spring.mongodb.uri=" + STORE, "spring.mongodb.database=dzn_test")
                .run(args);
    }

    private static final String STORE = store();

    private static String store() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class AService {
    }
}
