package cn.dzn.zone.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;

/** Reports keep the kit's sync contract under their natural key zoneId.regionCode.period. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReportSyncContractTest extends SyncContractTest {

    private String zoneId;

    @BeforeEach
    void zoneOfTwoCities() {
        zoneId = ContractZones.create(http(), "报告契约 " + scope, "440000", List.of("440100", "440300"));
    }

    @Override
    protected String path() {
        return "/api/reports";
    }

    @Override
    protected String collection() {
        return "reports";
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
        return Map.of("zoneId", zoneId, "regionCode", region, "period", ContractZones.period(n), "status", "DRAFT",
                "values", List.of(Map.of("indicator", "contract_turnover", "value", 100 + n, "unit", "万元")));
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return zoneId + "." + data.get("regionCode") + "." + data.get("period");
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.put("values", List.of());
        return broken;
    }
}
