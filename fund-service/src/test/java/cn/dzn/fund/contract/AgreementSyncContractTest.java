package cn.dzn.fund.contract;

import java.util.List;
import java.util.Map;

/**
 * Mutual-recognition agreements keep the kit's sync contract. They are recorded by the region
 * containing their parties, so the writer is a province: Guangdong for Guangzhou and Shenzhen,
 * and the outside record is Jiangsu's for Suzhou and Nanjing.
 */
class AgreementSyncContractTest extends FundSyncContract {

    AgreementSyncContractTest() {
        super("/api/voucher-agreements", "voucher_agreements", "validUntil");
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
}
