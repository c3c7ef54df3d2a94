package cn.dzn.gateway.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The staff dashboard (issue 19): the static page of the {@code dashboard} module at
 * {@code /dashboard/}, and Chart.js from its webjar at {@code /dashboard/vendor/chart.js/}, both
 * from this origin (no CDN, no CORS). The page holds no data; every figure it shows it reads from
 * the API with the signed-in key, so its paths are public (PublicEndpoints) and the page works
 * only as far as the key does.
 *
 * <p>The library's path carries no version: the page names {@code chart.umd.min.js} and this
 * class finds the version the webjar holds, so upgrading it is a change of the pom alone.
 */
@Configuration(proxyBeanMethods = false)
class DashboardRoutes {

    static final String PAGE = "META-INF/resources/dashboard/";
    private static final String CHART_JS_POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    @Bean
    RouterFunction<ServerResponse> dashboard(@Value("${dzn.staff-sign-in.issuer:}") String issuer,
            @Value("${dzn.dashboard.staff-client-id:}") String clientId) {
        Resource index = new ClassPathResource(PAGE + "index.html");
        Map<String, Object> config = signInConfig(issuer, clientId);
        return RouterFunctions.route()
                .GET("/dashboard", request -> ServerResponse.permanentRedirect(URI.create("/dashboard/")).build())
                .GET("/dashboard/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index))
                .GET("/dashboard/config.json", request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(config))
                .add(RouterFunctions.resources("/dashboard/vendor/chart.js/**",
                        new ClassPathResource("META-INF/resources/webjars/chart.js/" + chartJsVersion() + "/dist/")))
                .add(RouterFunctions.resources("/dashboard/**", new ClassPathResource(PAGE)))
                .build();
    }

    /**
     * What the page needs to offer staff sign-in through the ministry's OIDC provider: its issuer
     * (the page discovers the endpoints there) and the dashboard's public client id. Both public
     * facts; sign-in by provider is offered only when both are set.
     */
    static Map<String, Object> signInConfig(String issuer, String clientId) {
        Map<String, Object> config = new LinkedHashMap<>();
        boolean oidc = issuer != null && !issuer.isBlank() && clientId != null && !clientId.isBlank();
        config.put("oidc", oidc ? Map.of("issuer", issuer.strip(), "clientId", clientId.strip()) : null);
        return config;
    }

    static String chartJsVersion() {
        try (InputStream in = new ClassPathResource(CHART_JS_POM).getInputStream()) {
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("the chart.js webjar is missing from the class path: " + CHART_JS_POM, e);
        }
    }
}
