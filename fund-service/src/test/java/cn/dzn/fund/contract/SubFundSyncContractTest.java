package cn.dzn.fund.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;

/** Proposed sub-funds keep the kit's sync contract, each inside its fund's region. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dzn.sample-data.enabled=true")
class SubFundSyncContractTest extends SyncContractTest {

    private final Map<String, String> funds = new HashMap<>();

    @BeforeEach
    void funds() {
        funds.put(writerRegion(), ContractRecords.fund(http(), writerRegion()));
        funds.put(outsideRegion(), ContractRecords.fund(http(), outsideRegion()));
    }

    @Override
    protected String path() {
        return "/api/funds/sub-funds";
    }

    @Override
    protected String collection() {
        return "sub_funds";
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
        return Map.of("fundId", funds.get(region), "name", "子基金 " + n, "regionCode", region, "sizeWan", 100 + n,
                "guidanceWan", 20, "investors", List.of(Map.of("name", "社会资本", "amountWan", 80 + n)));
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return "contract-" + scope + "-" + n;
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("guidanceWan");
        return broken;
    }
}
