package cn.dzn.fund.contract;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

/** Pledged contributions keep the kit's sync contract, each in its fund's region. */
class ContributionSyncContractTest extends FundSyncContract {

    private Map<String, String> funds;

    ContributionSyncContractTest() {
        super("/api/funds/contributions", "fund_contributions", "tier");
    }

    @BeforeEach
    void parents() {
        funds = inBothRegions(ContractRecords::fund);
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Map.of("fundId", funds.get(region), "regionCode", region, "tier", "SOCIAL_CAPITAL", "contributor",
                "出资人 " + n, "amountWan", n + 1);
    }
}
