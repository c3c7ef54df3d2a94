package cn.dzn.zone.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.dzn.platform.identity.Role;
import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;

/** Zones the report and list contracts write against, made through the API as a national writer would. */
final class ContractZones {

    private ContractZones() {
    }

    static String create(TestHttp http, String name, String region, List<String> members) {
        TestHttp.Response created = http.post("/api/zones", TestHttp.json(Map.of("name", name, "regionCode", region,
                "memberCities", members)), "Authorization", TestCallers.bearer("000000", Role.READ, Role.WRITE));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** A period that has started, distinct for every n below 100: 2001Q1, 2001Q2, … */
    static String period(int n) {
        return (2001 + n / 4) + "Q" + (n % 4 + 1);
    }
}
