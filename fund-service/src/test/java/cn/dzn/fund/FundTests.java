package cn.dzn.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.dzn.platform.identity.Role;
import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;

/**
 * What the fund-service tests share: callers, and the records a test builds on, made through the
 * API as a bureau would. Every test class runs in the one context the figures contract starts
 * (sample data loaded), so the suite starts the service once.
 */
public final class FundTests {

    public static final String GUANGZHOU = TestCallers.bearer("440100", Role.READ, Role.WRITE);
    public static final String SHENZHEN = TestCallers.bearer("440300", Role.READ, Role.WRITE);
    public static final String TIANHE = TestCallers.bearer("440106", Role.READ, Role.WRITE);
    public static final String GUANGDONG = TestCallers.bearer("440000", Role.READ, Role.WRITE);
    public static final String SUZHOU = TestCallers.bearer("320500", Role.READ, Role.WRITE);
    public static final String GUANGZHOU_READER = TestCallers.bearer("440100", Role.READ);
    public static final String NATIONAL = TestCallers.national();

    private FundTests() {
    }

    public static Response created(Response response) {
        assertThat(response.status()).as(response.text()).isIn(200, 201);
        return response;
    }

    /** A fund of {@code region} holding {@code receivedWan}, received from one city contribution. */
    public static String fundHolding(TestHttp http, String token, String region, String receivedWan) {
        String fund = created(http.post("/api/funds", TestHttp.json(Map.of("name", "测试基金", "regionCode", region,
                "kind", "JOINT_FUND")), "Authorization", token)).json().path("id").asString();
        String contribution = created(http.post("/api/funds/contributions", "{\"fundId\": \"" + fund
                + "\", \"regionCode\": \"" + region + "\", \"tier\": \"CITY\", \"contributor\": \"市财政\", "
                + "\"amountWan\": " + receivedWan + "}", "Authorization", token)).json().path("id").asString();
        created(http.post("/api/funds/contributions/" + contribution + "/receive", null, "Authorization", token,
                "If-Match", "\"1\""));
        return fund;
    }

    /** A proposed sub-fund's body: guidance part and one larger investor making up the size. */
    public static String subFund(String fund, String region, String guidanceWan, String investorWan, String sizeWan) {
        return "{\"fundId\": \"" + fund + "\", \"name\": \"子基金\", \"regionCode\": \"" + region
                + "\", \"sizeWan\": " + sizeWan + ", \"guidanceWan\": " + guidanceWan
                + ", \"investors\": [{\"name\": \"社会资本\", \"amountWan\": " + investorWan + "}]}";
    }

    /** An established sub-fund of {@code sizeWan} (20% guidance) beneath a fund holding enough. */
    public static String establishedSubFund(TestHttp http, String token, String region, long sizeWan) {
        String fund = fundHolding(http, token, region, Long.toString(sizeWan));
        String id = created(http.post("/api/funds/sub-funds", subFund(fund, region, Long.toString(sizeWan / 5),
                Long.toString(sizeWan - sizeWan / 5), Long.toString(sizeWan)), "Authorization", token)).json()
                .path("id").asString();
        created(http.post("/api/funds/sub-funds/" + id + "/establish", null, "Authorization", token, "If-Match", "\"1\""));
        return id;
    }

    public static String investment(String subFund, String region, String amountWan) {
        return "{\"subFundId\": \"" + subFund + "\", \"regionCode\": \"" + region + "\", \"enterprise\": \"某科技公司\", "
                + "\"zoneId\": \"zone-guangdong-prd\", \"stage\": \"START_UP\", \"publiclyFundedResult\": true, "
                + "\"amountWan\": " + amountWan + "}";
    }
}
