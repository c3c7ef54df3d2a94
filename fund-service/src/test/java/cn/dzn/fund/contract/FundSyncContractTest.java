package cn.dzn.fund.contract;

import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Funds keep the kit's sync contract; their ids are the client's own. In a database of its own:
 * the tombstones it leaves would be counted by the figures contract's direct count of every
 * stored fund.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.mongodb.database=dzn_fund_sync")
class FundSyncContractTest extends FundSyncContract {

    FundSyncContractTest() {
        super("/api/funds", "funds", "kind");
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Map.of("name", "基金 " + scope + " " + n, "regionCode", region, "kind", "GUIDANCE_FUND");
    }
}
