package cn.dzn.syncclient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * Sends a request again when trying again can help: the connection failed or timed out, the
 * network is overloaded or restarting (429, 502, 503, 504), or the same Idempotency-Key is still
 * running (409 request-in-progress). Any other answer is the caller's to read: repeating a
 * refused request only gets it refused again.
 */
final class RetryingHttp {

    private static final Set<Integer> TRANSIENT = Set.of(429, 502, 503, 504);

    private final HttpClient client;
    private final RetryPolicy policy;
    private final PrintStream log;

    RetryingHttp(RetryPolicy policy, PrintStream log) {
        // HTTP/1.1: the gateway speaks it, and an h2c upgrade attempt would only add a round trip.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(policy.timeout()).build();
        this.policy = policy;
        this.log = log;
    }

    /** Thrown when every attempt failed without an answer, or was answered only with retryable ones. */
    static final class GaveUp extends Exception {
        GaveUp(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The first answer that is not worth retrying, or the last one when attempts ran out on an answer. */
    HttpResponse<String> send(HttpRequest request) throws GaveUp, InterruptedException {
        HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(policy.timeout()).build();
        for (int attempt = 1;; attempt++) {
            String why;
            Duration retryAfter = null;
            try {
                HttpResponse<String> response = client.send(timed, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (!retryable(response)) {
                    return response;
                }
                why = Wire.Problem.describe(response.statusCode(), response.body());
                retryAfter = retryAfter(response);
                if (attempt == policy.attempts()) {
                    log.println("  gave up after " + attempt + " attempts: " + why);
                    return response;
                }
            } catch (IOException e) {
                why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                if (attempt == policy.attempts()) {
                    throw new GaveUp("no answer after " + attempt + " attempts, last: " + why, e);
                }
            }
            Duration pause = policy.backoffBefore(attempt + 1, retryAfter);
            log.println("  retrying in " + pause.toMillis() + " ms (attempt " + (attempt + 1) + " of "
                    + policy.attempts() + "): " + why);
            Thread.sleep(pause.toMillis());
        }
    }

    private static boolean retryable(HttpResponse<String> response) {
        int status = response.statusCode();
        if (TRANSIENT.contains(status)) {
            return true;
        }
        if (status == 409) {
            Wire.Problem problem = Wire.Problem.parse(response.body());
            return problem != null && "request-in-progress".equals(problem.kind());
        }
        return false;
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        try {
            return response.headers().firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s.strip())))
                    .orElse(null);
        } catch (NumberFormatException e) {
            return null; // an HTTP date: rare enough that our own backoff will do
        }
    }
}
