package cn.dzn.incubator.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import cn.dzn.platform.identity.InternalTokenProperties;
import cn.dzn.platform.identity.InternalTokens;
import cn.dzn.platform.test.TestSecrets;
import tools.jackson.databind.json.JsonMapper;

/**
 * What incubator-service sends the gateway for incubators' keys (the contract docs/decisions.md
 * asks the gateway to serve), against a stand-in server: the request, the service's own token
 * (which no service accepts as a caller) and every way the gateway can fail.
 */
class GatewayKeyIssuerTest {

    private final String secret = TestSecrets.random();
    private final List<String[]> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 201;
    private volatile String answer = "{\"clientId\": \"c-1\", \"apiKey\": \"dzn-secret-key\"}";

    @BeforeEach
    void standInGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/incubator-keys", exchange -> {
            requests.add(new String[] {exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, status == 204 ? -1 : body.length);
            if (status != 204) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private GatewayKeyIssuer issuer() {
        return new GatewayKeyIssuer(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), secret,
                JsonMapper.builder().build(), Clock.systemUTC());
    }

    @Test
    void itAsksForAClientBoundToTheIncubatorAndProvesWhoItIs() throws Exception {
        KeyIssuer.Issued issued = issuer().issue("inc-1", "深圳孵化器", "440300");

        assertThat(issued).isEqualTo(new KeyIssuer.Issued("c-1", "dzn-secret-key"));
        String[] request = requests.get(0);
        assertThat(request[0]).isEqualTo("POST");
        assertThat(request[1]).isEqualTo("/internal/incubator-keys");
        assertThat(request[3]).contains("\"incubatorId\":\"inc-1\"", "\"regionCode\":\"440300\"", "深圳孵化器");
        SignedJWT token = SignedJWT.parse(request[2].substring("Bearer ".length()));
        assertThat(token.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(GatewayKeyIssuer.ISSUER);
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(GatewayKeyIssuer.AUDIENCE);
        assertThat(token.getJWTClaimsSet().getExpirationTime().toInstant()).isBefore(Instant.now().plusSeconds(61));
        // No service takes it for a caller: it is not the gateway's token for the services.
        InternalTokens services = new InternalTokens(new InternalTokenProperties(secret, null, null));
        assertThatThrownBy(() -> services.decoder().decode(request[2].substring("Bearer ".length())))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void itRevokesAClientAndAClientAlreadyGoneIsFine() {
        status = 204;
        issuer().revoke("c 1/2");
        assertThat(requests.get(0)[0]).isEqualTo("DELETE");
        assertThat(requests.get(0)[1]).isEqualTo("/internal/incubator-keys/c 1/2");
        status = 404;
        issuer().revoke("c-2");
    }

    @Test
    void everyFailureOfTheGatewayIsUnavailableNeverAHalfAnswer() {
        status = 403;
        assertThatThrownBy(() -> issuer().issue("inc-1", "x", "440300")).isInstanceOf(KeyIssuer.Unavailable.class)
                .hasMessageContaining("403");
        status = 201;
        answer = "{\"clientId\": \"c-1\"}";
        assertThatThrownBy(() -> issuer().issue("inc-1", "x", "440300")).isInstanceOf(KeyIssuer.Unavailable.class);
        answer = "not json";
        assertThatThrownBy(() -> issuer().issue("inc-1", "x", "440300")).isInstanceOf(KeyIssuer.Unavailable.class);
        status = 500;
        assertThatThrownBy(() -> issuer().revoke("c-1")).isInstanceOf(KeyIssuer.Unavailable.class);
        server.stop(0);
        assertThatThrownBy(() -> issuer().issue("inc-1", "x", "440300")).isInstanceOf(KeyIssuer.Unavailable.class)
                .hasMessageContaining("could not be reached");
    }
}
