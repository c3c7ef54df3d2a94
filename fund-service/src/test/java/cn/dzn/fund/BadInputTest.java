package cn.dzn.fund;

import static cn.dzn.fund.FundTests.GUANGZHOU;
import static cn.dzn.fund.FundTests.GUANGZHOU_READER;
import static cn.dzn.fund.FundTests.created;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;

/**
 * Bad money never gets in (issue 15): a negative amount, a fraction of a fen, a huge amount, an
 * amount sent as a string, an unknown rule, a voucher of another region. Each is a problem+json
 * 4xx naming what is wrong, and changes nothing.
 */
class BadInputTest extends FundServiceTestBase {

    /** Each bad amount and what the answer says of it. */
    static final List<List<String>> AMOUNTS = List.of(
            List.of("-1", "must not be negative"),
            List.of("0.0000001", "whole number of fen"),
            List.of("1.0000005", "whole number of fen"),
            List.of("1e-999999999", "whole number of fen"),
            List.of("100000000000", "must be at most"),
            List.of("1e999999999", "must be at most"),
            List.of("\"100\"", "amountWan"),
            List.of("null", "amountWan"));

    @Test
    void badAmountsAreRefusedEverywhereAndChangeNothing() {
        String subFund = FundTests.establishedSubFund(http, GUANGZHOU, "440100", 100);
        String fund = created(http.post("/api/funds", "{\"name\": \"坏输入\", \"regionCode\": \"440100\", \"kind\": "
                + "\"JOINT_FUND\"}", "Authorization", GUANGZHOU)).json().path("id").asString();
        String voucher = created(http.post("/api/vouchers", voucher("5"), "Authorization", GUANGZHOU)).json()
                .path("id").asString();
        Supplier<String> state = () -> http.get("/api/funds/sub-funds/" + subFund + "/position", "Authorization",
                GUANGZHOU).text() + http.get("/api/funds/" + fund + "/position", "Authorization", GUANGZHOU).text()
                + http.get("/api/vouchers/" + voucher, "Authorization", GUANGZHOU).text()
                + http.get("/api/subsidies/applications?limit=500", "Authorization", GUANGZHOU).text()
                + http.get("/api/funds/contributions?limit=500", "Authorization", GUANGZHOU).text();
        String before = state.get();

        for (List<String> bad : AMOUNTS) {
            String amount = bad.get(0);
            refused(http.post("/api/funds/contributions", "{\"fundId\": \"" + fund + "\", \"regionCode\": \"440100\", "
                    + "\"tier\": \"CITY\", \"contributor\": \"市财政\", \"amountWan\": " + amount + "}",
                    "Authorization", GUANGZHOU), bad.get(1));
            refused(http.post("/api/funds/sub-funds/" + subFund + "/investments", FundTests.investment(subFund,
                    "440100", amount), "Authorization", GUANGZHOU), bad.get(1));
            refused(http.post("/api/vouchers", voucher(amount).replace("faceValueWan", "amountWan"), "Authorization",
                    GUANGZHOU), "");
            refused(http.post("/api/vouchers", voucher(amount), "Authorization", GUANGZHOU), "faceValueWan");
            refused(http.post("/api/vouchers/" + voucher + "/redemptions", "{\"provider\": \"检测中心\", "
                    + "\"providerRegion\": \"440100\", \"category\": \"TESTING\", \"amountWan\": " + amount
                    + ", \"reference\": \"bad-1\"}", "Authorization", GUANGZHOU), "");
            refused(http.post("/api/subsidies/applications", application("guangzhou-2", amount), "Authorization",
                    GUANGZHOU), "");
        }

        assertThat(state.get()).isEqualTo(before);
    }

    @Test
    void anUnknownRuleOrAnInputTheRuleDoesNotTakeIsA400() {
        refused(http.post("/api/subsidies/applications", application("guangzhou-99", "10"), "Authorization",
                GUANGZHOU), "no rule guangzhou-99");
        refused(http.post("/api/subsidies/applications", application("guangzhou-1", "10"), "Authorization",
                GUANGZHOU), "does not take it");
        refused(http.post("/api/subsidies/applications", application("shenzhen-13", "10"), "Authorization",
                GUANGZHOU), "lies outside it");
        refused(http.post("/api/subsidies/applications", application("guangzhou-2", "10").replace("\"year\": 2025",
                "\"year\": \"2025\""), "Authorization", GUANGZHOU), "year");
        Response readOnly = http.post("/api/subsidies/applications", "{\"not\": \"even read\"}", "Authorization",
                GUANGZHOU_READER);
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(http.post("/api/subsidies/applications", application("shenzhen-13", "10").replace("440100",
                "440300"), "Authorization", GUANGZHOU).status()).isEqualTo(403);
    }

    static String voucher(String faceWan) {
        return "{\"regionCode\": \"440100\", \"holder\": \"某企业\", \"faceValueWan\": " + faceWan + ", \"issuedOn\": "
                + "\"2025-01-01\", \"expiresOn\": \"2099-12-31\", \"categories\": [\"TESTING\"], \"rule\": \"PARTIAL\"}";
    }

    static String application(String rule, String retainedWan) {
        return "{\"ruleId\": \"" + rule + "\", \"regionCode\": \"440100\", \"applicantCode\": \"914401010000999999\", "
                + "\"applicantName\": \"某高校\", \"year\": 2025, \"contractNo\": \"BAD-1\", \"retainedWan\": "
                + retainedWan + "}";
    }

    private static void refused(Response response, String detail) {
        assertThat(response.status()).as(response.text()).isBetween(400, 499);
        assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
        assertThat(response.text()).contains(detail).doesNotContain("Exception");
    }
}
