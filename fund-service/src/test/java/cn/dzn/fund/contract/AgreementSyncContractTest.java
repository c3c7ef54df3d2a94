package cn.dzn.fund.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;

/**
 * Mutual-recognition agreements keep the kit's sync contract. They are recorded by the region
 * containing their parties, so the writer is a province: Guangdong for Guangzhou and Shenzhen,
 * and the outside record is Jiangsu's for Suzhou and Nanjing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dzn.sample-data.enabled=true")
class AgreementSyncContractTest extends SyncContractTest {

    @Override
    protected String path() {
        return "/api/voucher-agreements";
    }

    @Override
    protected String collection() {
        return "voucher_agreements";
    }

    @Override
    protected String writerRegion() {
        return "440000";
    }

    @Override
    protected String outsideRegion() {
        return "320000";
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        List<String> parties = region.equals("440000") ? List.of("440100", "440300") : List.of("320100", "320500");
        return Map.of("name", "互认协议 " + n, "regionCode", region, "parties", parties, "validFrom", "2025-01-01",
                "validUntil", "2030-12-31");
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return "contract-" + scope + "-" + n;
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("validUntil");
        return broken;
    }
}
