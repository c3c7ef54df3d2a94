package cn.dzn.incubator.contract;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import cn.dzn.incubator.IncubatorTest;
import cn.dzn.incubator.pairings.PairingInput;
import cn.dzn.platform.test.SyncContractTest;

/** Project moves between a pair keep the kit's sync contract; a syncing city names their ids. */
@IncubatorTest
class MoveSyncContractTest extends SyncContractTest {

    @BeforeEach
    void aConfirmedPairInEachRegion() {
        Map<String, Map<String, Object>> incubators = new LinkedHashMap<>();
        Map<String, Map<String, Object>> pairings = new LinkedHashMap<>();
        for (String region : new String[] {"440100", "440300"}) {
            String local = "ctl-" + scope + "-" + region;
            String overseas = "cto-" + scope + "-" + region;
            incubators.put(local, ContractIncubators.incubator("契约本地 " + scope, region, "INCUBATOR"));
            incubators.put(overseas, ContractIncubators.incubator("契约海外 " + scope, region, "OVERSEAS_INCUBATOR"));
            pairings.put(PairingInput.key(overseas, local), Map.of("overseasId", overseas, "localId", local,
                    "regionCode", region, "status", "ACTIVE", "startedOn", "2025-01-01"));
        }
        ContractIncubators.sync(http(), "/api/incubators", incubators);
        ContractIncubators.sync(http(), "/api/incubators/pairings", pairings);
    }

    private String pairingOf(String region) {
        return PairingInput.key("cto-" + scope + "-" + region, "ctl-" + scope + "-" + region);
    }

    @Override
    protected String path() {
        return "/api/incubators/pairings/moves";
    }

    @Override
    protected String collection() {
        return "pairing_moves";
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
        return Map.of("pairingId", pairingOf(region), "regionCode", region,
                "direction", n % 2 == 0 ? "TO_OVERSEAS" : "TO_LOCAL", "project", "契约项目 " + n,
                "movedOn", "2025-03-01");
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return "ctm-" + scope + "-" + n;
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("project");
        return broken;
    }
}
