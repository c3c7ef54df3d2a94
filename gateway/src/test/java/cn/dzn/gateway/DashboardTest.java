package cn.dzn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The staff dashboard as the gateway serves it (issue 19): page, scripts and the charting library
 * without a key and from this origin, under a policy that runs the page's own files only; the
 * session endpoint it signs in with. What the page does with the API is the launcher's browser test.
 */
class DashboardTest extends GatewayTestSupport {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

    @Test
    void thePageIsServedWithoutAKeyUnderAPolicyThatRunsItsOwnFilesOnly() {
        HttpResponse<String> page = get("/dashboard/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\">")
                .contains("src=\"vendor/chart.js/chart.umd.min.js\"");
        assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as("an inline script").isFalse();
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self';").contains("style-src 'self';").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe")
                // The test context configures a staff provider: its origin, and only that, may be fetched too.
                .contains("connect-src 'self' https://sso.most.example.cn;");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(received()).as("no service is asked for the page").isEmpty();
    }

    @Test
    void withoutTheSlashTheAddressRedirectsToThePage() {
        HttpResponse<String> bare = get("/dashboard", null);
        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(bare.headers().firstValue("Location")).hasValue("/dashboard/");
    }

    @Test
    void scriptsStylesAndTheChartingLibraryComeFromThisOrigin() {
        for (String path : new String[] {"/dashboard/js/app.js", "/dashboard/js/i18n.js", "/dashboard/css/dashboard.css",
            "/dashboard/vendor/chart.js/chart.umd.min.js"}) {
            HttpResponse<String> asset = get(path, null);
            assertThat(asset.statusCode()).as(path).isEqualTo(200);
            assertThat(asset.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type ->
                    assertThat(type).matches(path.endsWith(".css") ? "text/css.*" : "(text|application)/javascript.*"));
        }
        assertThat(get("/dashboard/vendor/chart.js/chart.umd.min.js", null).body()).contains("Chart");
        assertThat(get("/dashboard/no-such-file.js", null).statusCode()).isEqualTo(404);
    }

    /** The page is no data: loading it often never spends the per-address budget of the public endpoints (10). */
    @Test
    void loadingThePageIsNotRateLimitedAsAPublicEndpoint() {
        for (int i = 0; i < 30; i++) {
            assertThat(get("/dashboard/js/api.js", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theSessionSaysWhoTheKeyOrTheStaffTokenIsAndNothingWithoutOne() {
        assertProblem(get("/api/session", null), 401);
        assertProblem(get("/api/session", "not-a-key"), 401);
        JsonNode admin = json(get("/api/session", ADMIN_KEY));
        assertThat(admin.get("regionCode").asString()).isEqualTo("000000");
        assertThat(admin.get("roles").toString()).contains("\"ADMIN\"");
        assertThat(admin.toString()).doesNotContain(ADMIN_KEY);

        String token = StaffTokens.signed(StaffTokens.claims("440100", "READ").build());
        JsonNode staff = json(send(request("/api/session", null).header("Authorization", "Bearer " + token).GET()));
        assertThat(staff.get("regionCode").asString()).isEqualTo("440100");
        assertThat(staff.get("roles").toString()).isEqualTo("[\"READ\"]");
        assertThat(received()).as("the gateway answers it itself").isEmpty();
    }

    @Test
    void staffSignInIsOfferedOnlyWhenTheDashboardHasAClientIdAtTheProvider() {
        // The test context sets an issuer but no dashboard client id (DashboardRoutesTest: with one).
        HttpResponse<String> config = get("/dashboard/config.json", null);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(json(config).get("oidc").isNull()).isTrue();
    }
}
