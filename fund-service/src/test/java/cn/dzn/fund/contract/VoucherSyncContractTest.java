package cn.dzn.fund.contract;

import java.util.List;
import java.util.Map;

/** Issued vouchers keep the kit's sync contract; their ids are the issuing region's own. */
class VoucherSyncContractTest extends FundSyncContract {

    VoucherSyncContractTest() {
        super("/api/vouchers", "vouchers", "rule");
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Map.of("regionCode", region, "holder", "中小企业 " + n, "faceValueWan", 5, "issuedOn", "2025-01-01",
                "expiresOn", "2099-12-31", "categories", List.of("TESTING"), "rule", "FULL");
    }
}
