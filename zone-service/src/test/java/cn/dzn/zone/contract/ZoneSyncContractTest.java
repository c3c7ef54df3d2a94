package cn.dzn.zone.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;

/** Zones keep the kit's sync contract; their ids are the client's own. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ZoneSyncContractTest extends SyncContractTest {

    @Override
    protected String path() {
        return "/api/zones";
    }

    @Override
    protected String collection() {
        return "zones";
    }

    @Override
    protected String writerRegion() {
        return "440100";
    }

    @Override
    protected String outsideRegion() {
        return "320500";
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Map.of("name", "片区 " + scope + " " + n, "regionCode", region, "memberCities", List.of(region));
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return "contract-" + scope + "-" + n;
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("memberCities");
        return broken;
    }
}
