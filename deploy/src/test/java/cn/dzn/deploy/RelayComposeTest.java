package cn.dzn.deploy;

import static cn.dzn.deploy.DeploymentFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The relay in docker-compose.yml (docs/federation.md): started only with the "relay" profile,
 * reading this deployment through its own gateway, with every variable the relay's
 * application.yml reads, its cursors on a volume and its metrics scraped.
 */
class RelayComposeTest {

    @Test
    void theRelayRunsOnlyWithItsProfileAndKeepsItsCursorsOnAVolume() {
        Map<String, Object> relay = map(composeServices().get("relay"));
        assertThat(strings(relay.get("profiles"))).containsExactly("relay");
        Map<String, String> env = stringMap(relay.get("environment"));
        assertThat(env.keySet()).containsAll(readVariables("relay"));
        assertThat(env).containsEntry("DZN_RELAY_LOCAL_URL", "http://gateway:8080")
                .containsEntry("SERVER_PORT", "8095");
        assertThat(env.get("DZN_RELAY_LOCAL_KEY")).startsWith("${DZN_ADMIN_KEY");
        String stateDir = env.get("DZN_RELAY_STATE_DIR");
        assertThat(strings(relay.get("volumes"))).anySatisfy(volume -> assertThat(volume).endsWith(":" + stateDir));
        assertThat(map(compose().get("volumes"))).containsKey("relay-state");
        assertThat(relay.get("ports")).as("the relay publishes nothing").isNull();
        assertThat(read(ROOT.resolve("Dockerfile"))).contains("chown 10001:10001 " + stateDir);
    }

    @Test
    void prometheusScrapesTheRelay() {
        assertThat(read(ROOT.resolve("deploy/prometheus.yml"))).contains("\"relay:8095\"");
        assertThat(read(ROOT.resolve("deploy/grafana/dashboards/dzn-overview.json")))
                .contains("dzn_relay_lag_seconds", "dzn_relay_failures_total");
    }
}
