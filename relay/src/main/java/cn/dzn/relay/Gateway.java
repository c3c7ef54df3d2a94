package cn.dzn.relay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One gateway's public API with one key: the only way the relay reaches a deployment, its own or
 * the tier above's, exactly as a bureau's client would.
 */
public class Gateway {

    /** An answer; {@code json} is null when the body was empty or not JSON. */
    public record Answer(int status, JsonNode json, String text) {

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final URI base;
    private final String key;
    private final Duration timeout;
    private final JsonMapper json;
    private final HttpClient client;

    public Gateway(URI base, String key, Duration timeout, JsonMapper json) {
        this.base = base;
        this.key = key;
        this.timeout = timeout;
        this.json = json;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public URI base() {
        return base;
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public Answer put(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .header("Content-Type", "application/json"));
    }

    /** A sync batch under its idempotency key: the same key and body always get the same answer. */
    public Answer sync(String path, String idempotencyKey, byte[] body) throws IOException, InterruptedException {
        return send(request(path + "/sync").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("X-Api-Key", key)
                .header("Accept", "application/json");
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = null;
        String text = response.body();
        if (text != null && !text.isBlank() && response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            body = json.readTree(text);
        }
        return new Answer(response.statusCode(), body, text);
    }
}
