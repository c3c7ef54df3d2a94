package cn.dzn.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the parts of the embedded default find each other. */
class SuiteConfigTest {

    /** incubator-service has incubators' own keys issued on the gateway's management port (issue 17). */
    @Test
    void theServicesAreToldTheGatewaysManagementPortOnLoopback(@TempDir Path data) {
        SuiteConfig config = new SuiteConfig(Path.of("."), data, 18080, 18090, Map.of(), 17017, null, true,
                List.of("-Xmx256m"));

        assertThat(config.gatewayInternalUrl()).isEqualTo("http://127.0.0.1:18090");
        assertThat(new Suite(config).serviceEnv()).containsEntry("DZN_GATEWAY_INTERNAL_URL", "http://127.0.0.1:18090");
    }

    /** A deployment that runs only some services reaches the others nowhere, as if they were down. */
    @Test
    void aServiceThisDeploymentDoesNotRunIsReachedNowhere() {
        SuiteConfig config = new SuiteConfig(Path.of("."), Path.of("data"), 18080, 18090,
                Map.of("zone-service", 18081), 17017, null, false, List.of());

        assertThat(config.serviceUrl("zone-service")).isEqualTo("http://127.0.0.1:18081");
        assertThat(config.serviceUrl("fund-service")).isEqualTo("http://127.0.0.1:1");
    }

    /** Three tiers on one machine (docs/federation.md): every port moves by the offset, the data moves too. */
    @Test
    void anOffsetMovesEveryPortAndADataDirMovesTheData() {
        Path home = Path.of("/srv/dzn");
        SuiteConfig config = SuiteConfig.defaults(home, Map.of("DZN_PORT_OFFSET", "100", "DZN_DATA_DIR",
                "data-guangdong"));

        assertThat(config.gatewayPort()).isEqualTo(8180);
        assertThat(config.gatewayManagementPort()).isEqualTo(8190);
        assertThat(config.servicePorts()).containsAllEntriesOf(Map.of("zone-service", 8181, "fund-service", 8182,
                "talent-service", 8183, "incubator-service", 8184)).hasSize(4);
        assertThat(config.mongoUri()).isEqualTo("mongodb://127.0.0.1:27117");
        assertThat(config.dataDir()).isEqualTo(home.resolve("data-guangdong"));
        assertThat(SuiteConfig.defaults(home, Map.of()).gatewayPort()).isEqualTo(8080);
        assertThat(SuiteConfig.defaults(home, Map.of()).dataDir()).isEqualTo(home.resolve("data"));
    }

    @Test
    void anOffsetThatIsNoWholeNumberInRangeStopsTheStart() {
        assertThat(SuiteConfig.defaults(Path.of("."), Map.of("DZN_PORT_OFFSET", "38518")).mongoUri())
                .isEqualTo("mongodb://127.0.0.1:65535");
        for (String offset : List.of("-1", "38519", "1e3", "hundred")) {
            assertThatThrownBy(() -> SuiteConfig.defaults(Path.of("."), Map.of("DZN_PORT_OFFSET", offset)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("'" + offset + "'");
        }
    }

    /** A tier below relays up, on the relay port moved by the offset, and loads no sample data. */
    @Test
    void aDeploymentWithATierAboveRelaysOnTheMovedPort() {
        SuiteConfig config = SuiteConfig.defaults(Path.of("."), Map.of("DZN_PORT_OFFSET", "200"));
        Map<String, String> environment = Map.of("DZN_RELAY_UPSTREAM_URL", "http://localhost:8180",
                "DZN_RELAY_UPSTREAM_KEY", "a-relay-key-of-the-province", "DZN_DEPLOYMENT_ID", "guangzhou");

        Suite.RelaySettings relay = Launcher.relaySettings(environment, config).orElseThrow();

        assertThat(relay.port()).isEqualTo(8295);
        assertThat(relay.deployment()).isEqualTo("guangzhou");
        assertThat(config.sampleData()).isTrue();
        assertThat(config.withoutSampleData().sampleData()).isFalse();
        assertThat(Launcher.relaySettings(Map.of(), config)).isEmpty();
        assertThatThrownBy(() -> Launcher.relaySettings(Map.of("DZN_RELAY_UPSTREAM_URL", "http://localhost:8180"),
                config)).isInstanceOf(IllegalStateException.class).hasMessageContaining("DZN_RELAY_UPSTREAM_KEY");
    }
}
