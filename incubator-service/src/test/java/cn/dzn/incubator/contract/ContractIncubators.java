package cn.dzn.incubator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;

/** Incubators (and pairs of them) the contract tests of tenants, pairings and moves write under. */
final class ContractIncubators {

    private ContractIncubators() {
    }

    /** Syncs {@code records} ({@code id → data}) into {@code path} as the nation; every one must be created. */
    static void sync(TestHttp http, String path, Map<String, Map<String, Object>> records) {
        List<Map<String, Object>> batch = new ArrayList<>();
        records.forEach((id, data) -> batch.add(Map.of("id", id, "data", data)));
        TestHttp.Response synced = http.post(path + "/sync", TestHttp.json(Map.of("records", batch)),
                "Authorization", TestCallers.national(), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(synced.status()).as(synced.text()).isEqualTo(200);
        assertThat(synced.json().path("counts").path("created").asInt()).as(synced.text()).isEqualTo(records.size());
    }

    static Map<String, Object> incubator(String name, String region, String kind) {
        return kind.equals("OVERSEAS_INCUBATOR")
                ? Map.of("name", name, "regionCode", region, "kind", kind, "hostCountry", "SG")
                : Map.of("name", name, "regionCode", region, "kind", kind);
    }
}
