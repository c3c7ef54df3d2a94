package cn.dzn.fund.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;

/** Issued vouchers keep the kit's sync contract; their ids are the issuing region's own. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dzn.sample-data.enabled=true")
class VoucherSyncContractTest extends SyncContractTest {

    @Override
    protected String path() {
        return "/api/vouchers";
    }

    @Override
    protected String collection() {
        return "vouchers";
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
        return Map.of("regionCode", region, "holder", "中小企业 " + n, "faceValueWan", 5, "issuedOn", "2025-01-01",
                "expiresOn", "2099-12-31", "categories", List.of("TESTING"), "rule", "FULL");
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return "contract-" + scope + "-" + n;
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("rule");
        return broken;
    }
}
