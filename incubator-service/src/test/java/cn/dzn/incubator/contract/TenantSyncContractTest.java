package cn.dzn.incubator.contract;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import cn.dzn.incubator.IncubatorTest;
import cn.dzn.incubator.tenants.TenantInput;
import cn.dzn.platform.test.SyncContractTest;

/** Tenants keep the kit's sync contract under their natural key (incubator and firm). */
@IncubatorTest
class TenantSyncContractTest extends SyncContractTest {

    @BeforeEach
    void anIncubatorInEachRegion() {
        Map<String, Map<String, Object>> incubators = new LinkedHashMap<>();
        for (String region : new String[] {"440100", "440300"}) {
            incubators.put(incubatorOf(region), ContractIncubators.incubator("契约孵化器 " + scope, region, "INCUBATOR"));
        }
        ContractIncubators.sync(http(), "/api/incubators", incubators);
    }

    private String incubatorOf(String region) {
        return "ct-" + scope + "-" + region;
    }

    @Override
    protected String path() {
        return "/api/incubators/tenants";
    }

    @Override
    protected String collection() {
        return "tenants";
    }

    @Override
    protected String writerRegion() {
        return "440100";
    }

    @Override
    protected String outsideRegion() {
        return "440300";
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Map.of("incubatorId", incubatorOf(region), "regionCode", region, "firmName", "契约企业 " + n,
                "firmId", "F" + scope + n, "status", "ADMITTED", "admittedOn", "2025-01-01");
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return TenantInput.key((String) data.get("incubatorId"), (String) data.get("firmId"));
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("admittedOn");
        return broken;
    }
}
