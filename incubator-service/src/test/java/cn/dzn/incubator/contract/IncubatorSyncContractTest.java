package cn.dzn.incubator.contract;

import java.util.HashMap;
import java.util.Map;

import cn.dzn.incubator.IncubatorTest;
import cn.dzn.platform.test.SyncContractTest;

/** Incubators keep the kit's sync contract; a syncing city names its own ids. */
@IncubatorTest
class IncubatorSyncContractTest extends SyncContractTest {

    @Override
    protected String path() {
        return "/api/incubators";
    }

    @Override
    protected String collection() {
        return "incubators";
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
        return Map.of("name", "契约孵化器 " + scope + " " + n, "regionCode", region, "kind", "MAKER_SPACE",
                "workstations", 30 + n, "operatingSince", "2020-01-01");
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return "ct-" + scope + "-" + n;
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("kind");
        return broken;
    }
}
