package cn.dzn.incubator.incubators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.dzn.incubator.IncubatorTest;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;

/**
 * {@code /api/incubators} holds an incubator to the rule a registration is held to: a host
 * country exactly for an overseas incubator. Same configuration as the figures test, so both
 * share one context.
 */
@IncubatorTest
class IncubatorApiTest {

    private static final String CHENGDU = TestCallers.bearer("510100", Role.READ, Role.WRITE);

    @LocalServerPort
    int port;

    @Test
    void aHostCountryIsNamedExactlyForAnOverseasIncubator() {
        TestHttp http = TestHttp.localhost(port);
        long overseas = http.get("/internal/figures?regions=510100", "Authorization", CHENGDU).json()
                .path("figures").path("overseasIncubators").asLong();

        for (String refused : new String[] {incubator("OVERSEAS_INCUBATOR", null), incubator("MAKER_SPACE", "SG"),
            incubator("OVERSEAS_INCUBATOR", "CN"), incubator("OVERSEAS_INCUBATOR", "XX"),
            incubator("OVERSEAS_INCUBATOR", "sg")}) {
            TestHttp.Response answer = http.post("/api/incubators", refused, "Authorization", CHENGDU);
            assertThat(answer.status()).as(refused).isEqualTo(400);
            assertThat(answer.json().path("errors").get(0).path("field").asString()).as(refused)
                    .isEqualTo("hostCountry");
        }
        TestHttp.Response created = http.post("/api/incubators", incubator("OVERSEAS_INCUBATOR", "DE"),
                "Authorization", CHENGDU);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(http.get("/internal/figures?regions=510100", "Authorization", CHENGDU).json().path("figures")
                .path("overseasIncubators").asLong()).isEqualTo(overseas + 1);
    }

    private static String incubator(String kind, String hostCountry) {
        return "{\"name\": \"成都海外孵化器\", \"regionCode\": \"510100\", \"kind\": \"" + kind + "\""
                + (hostCountry == null ? "" : ", \"hostCountry\": \"" + hostCountry + "\"") + "}";
    }
}
