package cn.dzn.incubator.contract;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import cn.dzn.incubator.IncubatorTest;
import cn.dzn.incubator.pairings.PairingInput;
import cn.dzn.platform.test.SyncContractTest;

/**
 * Pairings keep the kit's sync contract under their natural key (the two incubators): one local
 * incubator per region, and an overseas incubator per record, since a pair is one record.
 */
@IncubatorTest
class PairingSyncContractTest extends SyncContractTest {

    private static final int RECORDS = 40;

    @BeforeEach
    void incubatorsToPair() {
        Map<String, Map<String, Object>> incubators = new LinkedHashMap<>();
        for (String region : new String[] {"440100", "440300"}) {
            incubators.put(local(region), ContractIncubators.incubator("契约本地 " + scope, region, "INCUBATOR"));
            for (int n = 0; n < RECORDS; n++) {
                incubators.put(overseas(region, n), ContractIncubators.incubator("契约海外 " + scope + " " + n, region,
                        "OVERSEAS_INCUBATOR"));
            }
        }
        ContractIncubators.sync(http(), "/api/incubators", incubators);
    }

    private String local(String region) {
        return "ctl-" + scope + "-" + region;
    }

    private String overseas(String region, int n) {
        return "cto-" + scope + "-" + region + "-" + n;
    }

    @Override
    protected String path() {
        return "/api/incubators/pairings";
    }

    @Override
    protected String collection() {
        return "pairings";
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
        return Map.of("overseasId", overseas(region, n), "localId", local(region), "regionCode", region,
                "status", "ACTIVE", "startedOn", "2025-01-01");
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return PairingInput.key((String) data.get("overseasId"), (String) data.get("localId"));
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("startedOn");
        return broken;
    }
}
