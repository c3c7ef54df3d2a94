package cn.dzn.fund.contract;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;

/** Pledged contributions keep the kit's sync contract, each in its fund's region. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dzn.sample-data.enabled=true")
class ContributionSyncContractTest extends SyncContractTest {

    private final Map<String, String> funds = new HashMap<>();

    @BeforeEach
    void funds() {
        funds.put(writerRegion(), ContractRecords.fund(http(), writerRegion()));
        funds.put(outsideRegion(), ContractRecords.fund(http(), outsideRegion()));
    }

    @Override
    protected String path() {
        return "/api/funds/contributions";
    }

    @Override
    protected String collection() {
        return "fund_contributions";
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
        return Map.of("fundId", funds.get(region), "regionCode", region, "tier", "SOCIAL_CAPITAL", "contributor",
                "出资人 " + n, "amountWan", n + 1);
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return "contract-" + scope + "-" + n;
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("tier");
        return broken;
    }
}
