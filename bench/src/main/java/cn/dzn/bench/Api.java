package cn.dzn.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.dzn.launcher.Suite;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.InternalTokenProperties;
import cn.dzn.platform.identity.InternalTokens;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.test.TestHttp;

/**
 * The two doors the figures compare: the gateway with the suite's admin key, and a service directly
 * with an internal token the bench signs itself, as the gateway would, with the secret the launcher
 * generated for the suite, for a national reader.
 */
record Api(Suite suite, String bearer) {

    static Api of(Suite suite) {
        InternalTokens tokens = new InternalTokens(new InternalTokenProperties(
                suite.secrets().internalTokenSecret(), null, Duration.ofHours(2)));
        String token = tokens.issue(new Caller("bench-reader", RegionCode.NATIONAL, Set.of(Role.READ)),
                Instant.now()).token();
        return new Api(suite, "Bearer " + token);
    }

    String adminKey() {
        return suite.secrets().adminKey();
    }

    TestHttp gateway() {
        return TestHttp.localhost(suite.config().gatewayPort());
    }

    HttpRequest viaGateway(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + suite.config().gatewayPort() + path))
                .header("X-Api-Key", adminKey()).timeout(Duration.ofSeconds(30)).build();
    }

    HttpRequest direct(String service, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + suite.port(service) + path))
                .header("Authorization", bearer).timeout(Duration.ofSeconds(60)).build();
    }

    /** Creates a zone through the gateway and returns its id. */
    String createZone(String name, List<String> cities) {
        TestHttp.Response created = gateway().post("/api/zones", TestHttp.json(zoneBody(name, cities, "n=0")),
                "X-Api-Key", adminKey());
        SyncIngest.check(created.status() == 201, "creating a zone answered " + created.status() + ": " + created.text());
        return created.json().path("id").asString();
    }

    static Map<String, Object> zoneBody(String name, List<String> cities, String note) {
        return Map.of("name", name, "regionCode", "440000", "memberCities", cities, "status", "BUILDING",
                "leadingIndustries", List.of("生物医药", "新材料"), "note", note);
    }
}
