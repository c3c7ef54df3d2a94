package cn.dzn.fund.contract;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

/** Proposed investments keep the kit's sync contract, each in its sub-fund's region. */
class InvestmentSyncContractTest extends FundSyncContract {

    private Map<String, String> subFunds;

    InvestmentSyncContractTest() {
        super("/api/funds/investments", "investments", "zoneId");
    }

    @BeforeEach
    void parents() {
        subFunds = inBothRegions(ContractRecords::subFund);
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Map.of("subFundId", subFunds.get(region), "regionCode", region, "enterprise", "企业 " + n, "zoneId",
                "zone-guangdong-prd", "stage", "SEED", "publiclyFundedResult", true, "amountWan", n + 1);
    }
}
