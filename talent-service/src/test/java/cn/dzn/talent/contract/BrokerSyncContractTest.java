package cn.dzn.talent.contract;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import cn.dzn.talent.Fixtures;

/**
 * 科技伯乐 keep the kit's sync contract under their natural key, the admitted professional's id;
 * every record admits a 技术经纪人 registered beforehand in its region.
 */
class BrokerSyncContractTest extends TalentSyncContract {

    BrokerSyncContractTest() {
        super("/api/brokers", "brokers", "institution");
    }

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
    protected Map<String, Object> data(String region, int n) {
        return Fixtures.broker(region + "." + ref(n), region);
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return (String) data.get("talentId");
    }

    private String ref(int n) {
        return "kb" + scope + "-" + n;
    }
}
