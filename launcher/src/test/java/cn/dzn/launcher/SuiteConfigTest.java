package cn.dzn.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Where the parts of the embedded default find each other. */
class SuiteConfigTest {

    /** incubator-service has incubators' own keys issued on the gateway's management port (issue 17). */
    @Test
    void thePartsAreToldTheGatewaysManagementPortOnLoopback() {
        SuiteConfig config = new SuiteConfig(Path.of("."), Path.of("data"), 18080, 18090, Map.of(), 17017, null, true,
                List.of("-Xmx256m"));

        assertThat(config.gatewayInternalUrl()).isEqualTo("http://127.0.0.1:18090");
        assertThat(config.jvmOptions()).containsExactly("-Xmx256m",
                "-Ddzn.incubator.keys.gateway-url=http://127.0.0.1:18090");
        assertThat(SuiteConfig.defaults(Path.of(".")).jvmOptions())
                .contains("-Ddzn.incubator.keys.gateway-url=http://127.0.0.1:8090");
    }

    @Test
    void aUrlGivenAmongTheOptionsIsKept() {
        List<String> own = List.of("-Ddzn.incubator.keys.gateway-url=http://10.0.0.5:8090");
        SuiteConfig config = new SuiteConfig(Path.of("."), Path.of("data"), 18080, 18090, Map.of(), 17017, null, true,
                own);

        assertThat(config.jvmOptions()).isEqualTo(own);
    }
}
