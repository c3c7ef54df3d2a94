package cn.dzn.incubator.keys;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the gateway for incubators' keys (what the gateway must add is in docs/decisions.md,
 * "incubator-service (issue 17)"): {@code POST {base}/internal/incubator-keys} with
 * {@code {"incubatorId", "name", "regionCode"}} answers 201 {@code {"clientId", "apiKey"}};
 * {@code DELETE {base}/internal/incubator-keys/{clientId}} answers 204 (404 when it is gone). The
 * base is the gateway's management port, which the internet does not reach. The service proves
 * who it is with a token of its own, signed with the secret gateway and services share but with
 * issuer {@value #ISSUER} and audience {@value #AUDIENCE}: no service accepts it as a caller.
 */
public class GatewayKeyIssuer implements KeyIssuer {

    public static final String ISSUER = "dzn-incubator-service";
    public static final String AUDIENCE = "dzn-gateway";
    static final String PATH = "/internal/incubator-keys";

    private final URI base;
    private final byte[] secret;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    public GatewayKeyIssuer(URI base, String secret, JsonMapper json, Clock clock) {
        this.base = base;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public Issued issue(String incubatorId, String name, String regionCode) {
        byte[] body = json.writeValueAsBytes(Map.of("incubatorId", incubatorId, "name", name, "regionCode", regionCode));
        HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(base.resolve(PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        if (answer.statusCode() != 201) {
            throw new Unavailable("the gateway refused to issue a key (" + answer.statusCode() + ")");
        }
        JsonNode issued;
        try {
            issued = json.readTree(answer.body());
        } catch (JacksonException e) {
            throw new Unavailable("the gateway's answer was not JSON", e);
        }
        String clientId = issued.path("clientId").asString(null);
        String apiKey = issued.path("apiKey").asString(null);
        if (clientId == null || apiKey == null) {
            throw new Unavailable("the gateway's answer named no client or key");
        }
        return new Issued(clientId, apiKey);
    }

    @Override
    public void revoke(String clientId) {
        HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(base.resolve(PATH + "/"
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8).replace("+", "%20"))).DELETE());
        if (answer.statusCode() != 204 && answer.statusCode() != 404) {
            throw new Unavailable("the gateway refused to revoke client " + clientId + " (" + answer.statusCode() + ")");
        }
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + token())
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unavailable("the gateway could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while asking the gateway", e);
        }
    }

    /** A token valid for one minute, naming this service and the gateway. */
    String token() {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("incubator-service")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the service token", e);
        }
        return jwt.serialize();
    }
}
