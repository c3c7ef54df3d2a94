package cn.dzn.zone.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.CitySyncContract;

/**
 * Demand and scenario lists keep the kit's sync contract under their natural key
 * zoneId.kind.period; a list belongs to its zone's lead region, so the outside record is a list
 * of a zone led from Suzhou.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ListSyncContractTest extends CitySyncContract {

    private String ownZone;
    private String otherZone;

    ListSyncContractTest() {
        super("/api/lists", "lists", "items");
    }

    @BeforeEach
    void zones() {
        ownZone = ContractZones.create(http(), "清单契约 " + scope, "440100", List.of("440100"));
        otherZone = ContractZones.create(http(), "清单契约外 " + scope, "320500", List.of("320500"));
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Map.of("zoneId", region.equals(writerRegion()) ? ownZone : otherZone, "regionCode", region,
                "kind", n % 2 == 0 ? "DEMAND" : "SCENARIO", "period", ContractZones.period(n / 2),
                "items", List.of(Map.of("industry", "新材料", "description", "需求 " + n, "contactOrg", "广州市科技局")));
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return data.get("zoneId") + "." + data.get("kind") + "." + data.get("period");
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.put("items", List.of());
        return broken;
    }
}
