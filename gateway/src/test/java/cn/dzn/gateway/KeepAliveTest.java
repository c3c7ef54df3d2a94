package cn.dzn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Thousands of requests over kept-alive connections, as city bureaus' batch clients send them.
 * Reactor Netty 1.3.6 (Boot 4.0.7's) stopped answering about one such request in a few
 * thousand (reactor/reactor-netty#4361); the parent POM pins 1.3.8. A hang here fails the
 * request's timeout.
 */
class KeepAliveTest extends GatewayTestSupport {

    @Test
    void keptAliveConnectionsKeepAnswering() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/health/liveness"))
                .timeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 4000; i++) {
            assertThat(client.send(request, BodyHandlers.discarding()).statusCode()).as("request %d", i).isEqualTo(200);
        }
    }
}
