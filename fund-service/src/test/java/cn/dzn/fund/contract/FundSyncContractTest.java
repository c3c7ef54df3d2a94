package cn.dzn.fund.contract;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;

/**
 * Funds keep the kit's sync contract; their ids are the client's own. In a database of its own:
 * the tombstones it leaves would be counted by the figures contract's direct count of every
 * stored fund.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.mongodb.database=dzn_fund_sync")
class FundSyncContractTest extends SyncContractTest {

    @Override
    protected String path() {
        return "/api/funds";
    }

    @Override
    protected String collection() {
        return "funds";
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
        return Map.of("name", "基金 " + scope + " " + n, "regionCode", region, "kind", "GUIDANCE_FUND");
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return "contract-" + scope + "-" + n;
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("kind");
        return broken;
    }
}
