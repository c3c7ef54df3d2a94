package cn.dzn.gateway;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.function.Function;

import org.assertj.core.api.SoftAssertions;

/**
 * The headers every answer of the gateway carries, whoever wrote it (docs/decisions.md, "Security
 * headers on every answer"). Soft, so that one run names every header an answer lacks.
 */
final class SecurityHeaders {

    /** For JSON: nothing may load, nothing may frame it. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void assertOn(SoftAssertions softly, String answer, HttpResponse<?> response) {
        assertOn(softly, answer, name -> response.headers().firstValue(name), API_POLICY);
    }

    static void assertOn(SoftAssertions softly, String answer, RawHttp response) {
        assertOn(softly, answer, name -> Optional.ofNullable(response.headers().get(name.toLowerCase())), API_POLICY);
    }

    /** The policy is checked for equality; Swagger UI's pages pass their own. */
    static void assertOn(SoftAssertions softly, String answer, Function<String, Optional<String>> header,
            String policy) {
        softly.assertThat(header.apply("X-Content-Type-Options")).as("%s: X-Content-Type-Options", answer)
                .hasValue("nosniff");
        softly.assertThat(header.apply("Cache-Control")).as("%s: Cache-Control", answer).hasValue("no-store");
        softly.assertThat(header.apply("X-Frame-Options")).as("%s: X-Frame-Options", answer).hasValue("DENY");
        softly.assertThat(header.apply("Referrer-Policy")).as("%s: Referrer-Policy", answer).hasValue("no-referrer");
        softly.assertThat(header.apply("Content-Security-Policy")).as("%s: Content-Security-Policy", answer)
                .hasValue(policy);
        // Plain HTTP here: HSTS is sent only over HTTPS, where browsers heed it (RFC 6797 section 7.2).
        softly.assertThat(header.apply("Strict-Transport-Security")).as("%s: Strict-Transport-Security", answer)
                .isEmpty();
    }
}
