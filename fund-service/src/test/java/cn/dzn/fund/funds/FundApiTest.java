package cn.dzn.fund.funds;

import static cn.dzn.fund.FundTests.GUANGZHOU;
import static cn.dzn.fund.FundTests.GUANGZHOU_READER;
import static cn.dzn.fund.FundTests.SHENZHEN;
import static cn.dzn.fund.FundTests.created;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import cn.dzn.fund.FundServiceTestBase;
import cn.dzn.fund.FundTests;
import cn.dzn.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * Funds and their contributions over the API: a fund's size is what its tiers put in, each
 * contribution a record of its own; received money is what the fund holds; a city sees and
 * writes only its own.
 */
class FundApiTest extends FundServiceTestBase {

    @Test
    void contributionsByTierAreSummedAndOnlyReceivedMoneyIsHeld() {
        String fund = created(http.post("/api/funds", fund("广州联合基金", "440100"), "Authorization", GUANGZHOU)).json()
                .path("id").asString();
        String national = contribution(fund, "NATIONAL", "3000");
        contribution(fund, "CITY", "2000.5");
        contribution(fund, "SOCIAL_CAPITAL", "0.000001");

        TestHttp.Response received = http.post("/api/funds/contributions/" + national + "/receive", null,
                "Authorization", GUANGZHOU, "If-Match", "\"1\"");

        assertThat(received.status()).as(received.text()).isEqualTo(200);
        assertThat(received.json().path("status").asString()).isEqualTo("RECEIVED");
        JsonNode position = http.get("/api/funds/" + fund + "/position", "Authorization", GUANGZHOU).json();
        assertThat(position.path("pledgedWan").decimalValue()).isEqualByComparingTo("5000.500001");
        assertThat(position.path("receivedWan").decimalValue()).isEqualByComparingTo("3000");
        assertThat(position.path("availableWan").decimalValue()).isEqualByComparingTo("3000");
        assertThat(position.path("tiers").get(0).path("tier").asString()).isEqualTo("NATIONAL");
        assertThat(position.path("tiers").get(0).path("receivedWan").decimalValue()).isEqualByComparingTo("3000");
        assertThat(position.path("tiers").get(3).path("pledgedWan").decimalValue()).isEqualByComparingTo("0.000001");
    }

    @Test
    void aContributionIsReceivedOnceAndIsFinalThen() {
        String fund = created(http.post("/api/funds", fund("一次基金", "440100"), "Authorization", GUANGZHOU)).json()
                .path("id").asString();
        String id = contribution(fund, "CITY", "100");
        assertThat(http.post("/api/funds/contributions/" + id + "/receive", null, "Authorization", GUANGZHOU,
                "If-Match", "\"1\"").status()).isEqualTo(200);

        TestHttp.Response again = http.post("/api/funds/contributions/" + id + "/receive", null, "Authorization",
                GUANGZHOU, "If-Match", "\"2\"");
        TestHttp.Response edited = http.put("/api/funds/contributions/" + id, contributionBody(fund, "CITY", "1000"),
                "Authorization", GUANGZHOU, "If-Match", "\"2\"");
        TestHttp.Response deleted = http.delete("/api/funds/contributions/" + id, "Authorization", GUANGZHOU,
                "If-Match", "\"2\"");
        TestHttp.Response forged = http.post("/api/funds/contributions", contributionBody(fund, "CITY", "1000")
                .replace("}", ", \"status\": \"RECEIVED\"}"), "Authorization", GUANGZHOU);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("received once");
        assertThat(edited.status()).as(edited.text()).isEqualTo(409);
        assertThat(deleted.status()).isEqualTo(409);
        assertThat(forged.status()).as(forged.text()).isEqualTo(400);
        assertThat(forged.text()).contains("/receive");
        assertThat(http.get("/api/funds/" + fund + "/position", "Authorization", GUANGZHOU).json()
                .path("receivedWan").decimalValue()).isEqualByComparingTo("100");
    }

    @Test
    void aFundThatHasReceivedMoneyIsNotDeletedByTheApiOrBySync() {
        String fund = FundTests.fundHolding(http, GUANGZHOU, "440100", "100");
        String empty = created(http.post("/api/funds", fund("空基金", "440100"), "Authorization", GUANGZHOU)).json()
                .path("id").asString();

        TestHttp.Response deleted = http.delete("/api/funds/" + fund, "Authorization", GUANGZHOU, "If-Match", "\"1\"");
        TestHttp.Response synced = http.post("/api/funds/sync", "{\"records\": [{\"id\": \"" + fund
                + "\", \"version\": 1, \"deleted\": true}]}", "Authorization", GUANGZHOU, "Idempotency-Key",
                "delete-" + fund);
        TestHttp.Response emptyDeleted = http.delete("/api/funds/" + empty, "Authorization", GUANGZHOU, "If-Match",
                "\"1\"");

        assertThat(deleted.status()).as(deleted.text()).isEqualTo(409);
        assertThat(deleted.contentType()).startsWith("application/problem+json");
        assertThat(deleted.json().path("detail").asString()).contains("has received 100万元");
        assertThat(synced.status()).as(synced.text()).isEqualTo(200);
        assertThat(synced.json().path("results").get(0).path("outcome").asString()).isEqualTo("rejected");
        assertThat(http.get("/api/funds/" + fund, "Authorization", GUANGZHOU).status()).isEqualTo(200);
        assertThat(emptyDeleted.status()).as(emptyDeleted.text()).isEqualTo(204);
    }

    @Test
    void aCitySeesAndWritesOnlyItsOwnFunds() {
        String shenzhen = created(http.post("/api/funds", fund("深圳基金", "440300"), "Authorization", SHENZHEN)).json()
                .path("id").asString();

        assertThat(http.get("/api/funds/" + shenzhen, "Authorization", GUANGZHOU).status()).isEqualTo(404);
        assertThat(http.get("/api/funds/" + shenzhen + "/position", "Authorization", GUANGZHOU).status())
                .isEqualTo(404);
        assertThat(http.post("/api/funds", fund("越界", "440300"), "Authorization", GUANGZHOU).status()).isEqualTo(403);
        assertThat(http.post("/api/funds", fund("只读", "440100"), "Authorization", GUANGZHOU_READER).status())
                .isEqualTo(403);
        TestHttp.Response foreign = http.post("/api/funds/contributions", contributionBody(shenzhen, "CITY", "1")
                .replace("440100", "440300"), "Authorization", GUANGZHOU);
        assertThat(foreign.status()).isIn(400, 403);
        TestHttp.Response claimed = http.post("/api/funds/contributions", contributionBody(shenzhen, "CITY", "1"),
                "Authorization", GUANGZHOU);
        assertThat(claimed.status()).isEqualTo(400);
        assertThat(claimed.text()).doesNotContain("440300");
        for (JsonNode item : http.get("/api/funds?limit=500", "Authorization", GUANGZHOU).json().path("items")) {
            assertThat(item.path("regionCode").asString()).startsWith("4401");
        }
    }

    /** The service's own writes are judged as the kit's: who (404, 403) before what (428, 409). */
    @Test
    void whoIsJudgedBeforeWhatOnTheMoneyMoves() {
        String subFund = created(http.post("/api/funds/sub-funds", FundTests.subFund(FundTests.fundHolding(http,
                GUANGZHOU, "440100", "10"), "440100", "20", "80", "100"), "Authorization", GUANGZHOU)).json()
                .path("id").asString();
        for (String action : List.of("/api/funds/sub-funds/%s/establish", "/api/funds/investments/%s/commit",
                "/api/funds/contributions/%s/receive")) {
            assertThat(http.post(action.formatted("no-such-record"), null, "Authorization", GUANGZHOU).status())
                    .as(action).isEqualTo(404);
            assertThat(http.post(action.formatted("no-such-record"), null, "Authorization", SHENZHEN, "If-Match",
                    "\"1\"").status()).as(action).isEqualTo(404);
        }
        String establish = "/api/funds/sub-funds/" + subFund + "/establish";
        assertThat(http.post(establish, null, "Authorization", SHENZHEN).status()).isEqualTo(404);
        assertThat(http.post(establish, null, "Authorization", GUANGZHOU_READER).status()).isEqualTo(403);
        assertThat(http.post(establish, null, "Authorization", GUANGZHOU).status()).isEqualTo(428);
        assertThat(http.post(establish, null, "Authorization", GUANGZHOU, "If-Match", "\"7\"").status())
                .isEqualTo(409);
        TestHttp.Response tooBig = http.post(establish, null, "Authorization", GUANGZHOU, "If-Match", "\"1\"");
        assertThat(tooBig.status()).isEqualTo(409);
        assertThat(tooBig.json().path("detail").asString()).contains("exceeds the remaining capacity").contains("10万元");
    }

    @Test
    void aFundBreakingItsConstraintsIsA400NamingTheFields() {
        Map<String, String> cases = Map.of(
                "{}", "kind,name,regionCode",
                fund(" ", "440100"), "name",
                fund("名".repeat(201), "440100"), "name",
                fund("无效地区", "999999"), "regionCode",
                fund("类型", "440100").replace("JOINT_FUND", "SUB_FUND"), "kind");
        cases.forEach((body, fields) -> {
            TestHttp.Response refused = http.post("/api/funds", body, "Authorization", GUANGZHOU);
            assertThat(refused.status()).as(body).isEqualTo(400);
            List<String> named = new ArrayList<>();
            refused.json().path("errors").forEach(error -> named.add(error.path("field").asString()));
            assertThat(String.join(",", new TreeSet<>(named))).as(body).isEqualTo(fields);
        });
    }

    @Test
    void aSampleFundIsChangedAtItsVersionLikeAnyOther() {
        JsonNode sample = null;
        for (JsonNode fund : http.get("/api/funds?limit=500", "Authorization", SHENZHEN).json().path("items")) {
            sample = sample == null && fund.path("sample").asBoolean() ? fund : sample;
        }
        assertThat(sample).as("a sample fund in Shenzhen").isNotNull();
        String body = TestHttp.json(Map.of("name", sample.path("name").asString() + "（改）", "regionCode",
                sample.path("regionCode").asString(), "kind", sample.path("kind").asString(), "note",
                sample.path("note").asString()));

        TestHttp.Response changed = http.put("/api/funds/" + sample.path("id").asString(), body, "Authorization",
                SHENZHEN, "If-Match", "\"" + sample.path("version").asLong() + "\"");

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().path("version").asLong()).isEqualTo(sample.path("version").asLong() + 1);
        assertThat(changed.json().path("sample").asBoolean()).isTrue();
    }

    private String contribution(String fund, String tier, String amountWan) {
        return created(http.post("/api/funds/contributions", contributionBody(fund, tier, amountWan), "Authorization",
                GUANGZHOU)).json().path("id").asString();
    }

    private static String contributionBody(String fund, String tier, String amountWan) {
        return "{\"fundId\": \"" + fund + "\", \"regionCode\": \"440100\", \"tier\": \"" + tier
                + "\", \"contributor\": \"出资方\", \"amountWan\": " + amountWan + "}";
    }

    static String fund(String name, String regionCode) {
        return TestHttp.json(Map.of("name", name, "regionCode", regionCode, "kind", "JOINT_FUND"));
    }
}
