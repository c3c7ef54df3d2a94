package cn.dzn.launcher;

import static org.assertj.core.api.Assertions.assertThat;

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
}
