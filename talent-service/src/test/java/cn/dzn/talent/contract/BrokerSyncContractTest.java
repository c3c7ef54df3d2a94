package cn.dzn.talent.contract;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;
import cn.dzn.talent.Fixtures;

/**
 * 科技伯乐 keep the kit's sync contract under their natural key, the admitted professional's id;
 * every record admits a 技术经纪人 registered beforehand in its region.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BrokerSyncContractTest extends SyncContractTest {

    @BeforeEach
    void professionals() {
        for (String region : new String[] {writerRegion(), outsideRegion()}) {
            Map<String, Map<String, Object>> professionals = new LinkedHashMap<>();
            for (int n = 0; n < 40; n++) {
                professionals.put(region + "." + ref(n), Fixtures.professional(region, ref(n), "BROKER"));
            }
            Fixtures.synced(http(), "/api/talents", professionals);
        }
    }

    @Override
    protected String path() {
        return "/api/brokers";
    }

    @Override
    protected String collection() {
        return "brokers";
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
        return Fixtures.broker(region + "." + ref(n), region);
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return (String) data.get("talentId");
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("institution");
        return broken;
    }

    private String ref(int n) {
        return "kb" + scope + "-" + n;
    }
}
