package cn.dzn.zone;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import cn.dzn.platform.test.TestHttp;

/**
 * One Spring context for every zone-service test: the real service on a random port, the
 * embedded store through the real driver, and one WireMock server standing in for the fund,
 * talent and incubator services under the path prefixes /fund, /talent and /incubator.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class ZoneServiceTestBase {

    protected static final WireMockServer DOWNSTREAM = new WireMockServer(
            WireMockConfiguration.options().dynamicPort().containerThreads(40));

    static {
        DOWNSTREAM.start();
        Runtime.getRuntime().addShutdownHook(new Thread(DOWNSTREAM::stop));
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        registry.add("dzn.services.fund-url", () -> DOWNSTREAM.baseUrl() + "/fund");
        registry.add("dzn.services.talent-url", () -> DOWNSTREAM.baseUrl() + "/talent");
        registry.add("dzn.services.incubator-url", () -> DOWNSTREAM.baseUrl() + "/incubator");
        registry.add("dzn.overview.time-limit", () -> "1500ms");
        registry.add("dzn.overview.minimum-calls", () -> "4");
        registry.add("dzn.overview.open-for", () -> "60s");
    }

    protected TestHttp http() {
        return TestHttp.localhost(port);
    }
}
