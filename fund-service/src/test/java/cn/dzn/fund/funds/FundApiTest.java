package cn.dzn.fund.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.dzn.platform.identity.Role;
import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/funds} is writable now that funds are a declared resource: what a fund must hold,
 * and that a sample fund can be changed like any other. Same configuration as the figures test,
 * so both share one context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dzn.sample-data.enabled=true")
class FundApiTest {

    private static final String PATH = "/api/funds";
    private static final String SHENZHEN = TestCallers.bearer("440300", Role.READ, Role.WRITE);

    @LocalServerPort
    int port;

    TestHttp http;

    @BeforeEach
    void connect() {
        http = TestHttp.localhost(port);
    }

    @Test
    void aCreatedFundIsReadBackAndCounted() {
        long before = shenzhenFunds();

        TestHttp.Response created = http.post(PATH, fund("南山区子基金", "440305", "SUB_FUND", 5000), "Authorization",
                SHENZHEN);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().path("version").asLong()).isEqualTo(1);
        assertThat(created.json().path("sample").asBoolean()).isFalse();
        TestHttp.Response read = http.get(PATH + "/" + id, "Authorization", SHENZHEN);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("totalWan").asLong()).isEqualTo(5000);
        assertThat(shenzhenFunds()).isEqualTo(before + 1);
    }

    @Test
    void aFundBreakingItsConstraintsIsA400NamingTheFields() {
        Map<String, String> cases = Map.of(
                "{}", "kind,name,regionCode,totalWan",
                fund(" ", "440300", "SUB_FUND", 1), "name",
                fund("名".repeat(201), "440300", "SUB_FUND", 1), "name",
                fund("无效地区", "999999", "SUB_FUND", 1), "regionCode",
                fund("负数", "440300", "SUB_FUND", -1), "totalWan",
                fund("说明", "440300", "SUB_FUND", 1).replace("\"note\": \"test\"",
                        "\"note\": \"" + "长".repeat(2001) + "\""), "note");
        cases.forEach((body, fields) -> {
            TestHttp.Response refused = http.post(PATH, body, "Authorization", SHENZHEN);
            assertThat(refused.status()).as(body).isEqualTo(400);
            List<String> named = new ArrayList<>();
            refused.json().path("errors").forEach(error -> named.add(error.path("field").asString()));
            assertThat(String.join(",", new TreeSet<>(named))).as(body).isEqualTo(fields);
        });
    }

    @Test
    void aSampleFundIsChangedAtItsVersionLikeAnyOther() {
        JsonNode sample = null;
        for (JsonNode fund : http.get(PATH + "?limit=500", "Authorization", SHENZHEN).json().path("items")) {
            sample = sample == null && fund.path("sample").asBoolean() ? fund : sample;
        }
        assertThat(sample).as("a sample fund in Shenzhen").isNotNull();
        String id = sample.path("id").asString();
        long version = sample.path("version").asLong();
        String body = fund(sample.path("name").asString(), sample.path("regionCode").asString(),
                sample.path("kind").asString(), sample.path("totalWan").asLong() + 1);

        TestHttp.Response changed = http.put(PATH + "/" + id, body, "Authorization", SHENZHEN, "If-Match",
                "\"" + version + "\"");

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().path("version").asLong()).isEqualTo(version + 1);
        assertThat(changed.json().path("totalWan").asLong()).isEqualTo(sample.path("totalWan").asLong() + 1);
    }

    private long shenzhenFunds() {
        TestHttp.Response figures = http.get("/internal/figures?regions=440300", "Authorization", SHENZHEN);
        assertThat(figures.status()).isEqualTo(200);
        return figures.json().path("figures").path("funds").asLong();
    }

    private static String fund(String name, String regionCode, String kind, long totalWan) {
        return "{\"name\": \"" + name + "\", \"regionCode\": \"" + regionCode + "\", \"kind\": \"" + kind
                + "\", \"totalWan\": " + totalWan + ", \"note\": \"test\"}";
    }
}
