package cn.dzn.fund.contract;

import java.util.Map;

import cn.dzn.fund.FundTests;
import cn.dzn.platform.test.TestHttp;

/** Records the contracts of the resources beneath a fund write against, made by a national writer. */
final class ContractRecords {

    private ContractRecords() {
    }

    static String fund(TestHttp http, String region) {
        return FundTests.created(http.post("/api/funds", TestHttp.json(Map.of("name", "契约基金", "regionCode", region,
                "kind", "JOINT_FUND")), "Authorization", FundTests.NATIONAL)).json().path("id").asString();
    }

    static String subFund(TestHttp http, String region) {
        return FundTests.created(http.post("/api/funds/sub-funds", FundTests.subFund(fund(http, region), region, "20",
                "80", "100"), "Authorization", FundTests.NATIONAL)).json().path("id").asString();
    }
}
