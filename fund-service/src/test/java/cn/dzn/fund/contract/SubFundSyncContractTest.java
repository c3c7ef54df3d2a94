package cn.dzn.fund.contract;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

/** Proposed sub-funds keep the kit's sync contract, each inside its fund's region. */
class SubFundSyncContractTest extends FundSyncContract {

    private Map<String, String> funds;

    SubFundSyncContractTest() {
        super("/api/funds/sub-funds", "sub_funds", "guidanceWan");
    }

    @BeforeEach
    void parents() {
        funds = inBothRegions(ContractRecords::fund);
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Map.of("fundId", funds.get(region), "name", "子基金 " + n, "regionCode", region, "sizeWan", 100 + n,
                "guidanceWan", 20, "investors", List.of(Map.of("name", "社会资本", "amountWan", 80 + n)));
    }
}
