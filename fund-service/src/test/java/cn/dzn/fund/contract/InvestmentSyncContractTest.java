package cn.dzn.fund.contract;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;

/** Proposed investments keep the kit's sync contract, each in its sub-fund's region. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dzn.sample-data.enabled=true")
class InvestmentSyncContractTest extends SyncContractTest {

    private final Map<String, String> subFunds = new HashMap<>();

    @BeforeEach
    void subFunds() {
        subFunds.put(writerRegion(), ContractRecords.subFund(http(), writerRegion()));
        subFunds.put(outsideRegion(), ContractRecords.subFund(http(), outsideRegion()));
    }

    @Override
    protected String path() {
        return "/api/funds/investments";
    }

    @Override
    protected String collection() {
        return "investments";
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
        return Map.of("subFundId", subFunds.get(region), "regionCode", region, "enterprise", "企业 " + n, "zoneId",
                "zone-guangdong-prd", "stage", "SEED", "publiclyFundedResult", true, "amountWan", n + 1);
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return "contract-" + scope + "-" + n;
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("zoneId");
        return broken;
    }
}
