package cn.dzn.fund.investments;

import static cn.dzn.fund.FundTests.GUANGZHOU;
import static cn.dzn.fund.FundTests.created;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import cn.dzn.fund.FundServiceTestBase;
import cn.dzn.fund.FundTests;
import cn.dzn.platform.test.Race;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;

/**
 * A fund never commits more than it holds, also when twenty commitments race (issue 15): twenty
 * investments against one sub-fund's size, twenty sub-funds against one fund's money, each sent
 * at once through HTTP. The refused ones say why and how much is left.
 */
class CommitmentRaceTest extends FundServiceTestBase {

    @Test
    void twentyInvestmentsRacingForOneSubFundNeverCommitMoreThanItsSize() throws Exception {
        String subFund = FundTests.establishedSubFund(http, GUANGZHOU, "440100", 1000);
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(() -> http.post("/api/funds/sub-funds/" + subFund + "/investments",
                    FundTests.investment(subFund, "440100", "70.5"), "Authorization", GUANGZHOU));
        }

        List<Response> answers = Race.atOnce(requests);

        List<Response> committed = answers.stream().filter(a -> a.status() == 201).toList();
        List<Response> refused = answers.stream().filter(a -> a.status() == 409).toList();
        assertThat(committed).hasSize(14); // 14 × 70.5 = 987 ≤ 1000 < 15 × 70.5
        assertThat(refused).hasSize(6).allSatisfy(answer -> {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("detail").asString()).contains("exceeds the remaining capacity")
                    .contains("13万元");
        });
        var position = http.get("/api/funds/sub-funds/" + subFund + "/position", "Authorization", GUANGZHOU).json();
        assertThat(position.path("committedWan").decimalValue()).isEqualByComparingTo("987");
        assertThat(position.path("availableWan").decimalValue()).isEqualByComparingTo("13");
        assertThat(sumOfCommitted(subFund)).isEqualByComparingTo("987");
    }

    @Test
    void twentySubFundsRacingForOneFundNeverCommitMoreThanItHolds() throws Exception {
        String fund = FundTests.fundHolding(http, GUANGZHOU, "440100", "1000");
        List<String> subFunds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            subFunds.add(created(http.post("/api/funds/sub-funds", FundTests.subFund(fund, "440100", "150", "350",
                    "500"), "Authorization", GUANGZHOU)).json().path("id").asString());
        }
        List<Callable<Response>> requests = new ArrayList<>();
        subFunds.forEach(id -> requests.add(() -> http.post("/api/funds/sub-funds/" + id + "/establish", null,
                "Authorization", GUANGZHOU, "If-Match", "\"1\"")));

        List<Response> answers = Race.atOnce(requests);

        assertThat(answers.stream().filter(a -> a.status() == 200)).hasSize(6); // 6 × 150 = 900 ≤ 1000 < 7 × 150
        assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(14)
                .allSatisfy(answer -> assertThat(answer.json().path("detail").asString())
                        .contains("exceeds the remaining capacity of fund " + fund + ", 100万元"));
        var position = http.get("/api/funds/" + fund + "/position", "Authorization", GUANGZHOU).json();
        assertThat(position.path("committedWan").decimalValue()).isEqualByComparingTo("900");
        assertThat(position.path("availableWan").decimalValue()).isEqualByComparingTo("100");
    }

    /**
     * DOMAIN.md, guidance-fund sub-funds: at least three times the guidance part and half the size
     * go to firms commercialising publicly funded results. A sub-fund of 1000万元 with 200万元 of
     * guidance keeps 600万元 for them, so at most 400万元 goes elsewhere, also when commitments race.
     */
    @Test
    void racingInvestmentsElsewhereNeverEatIntoThePartKeptForPubliclyFundedResults() throws Exception {
        String subFund = FundTests.establishedSubFund(http, GUANGZHOU, "440100", 1000);
        String elsewhere = FundTests.investment(subFund, "440100", "30").replace("\"publiclyFundedResult\": true",
                "\"publiclyFundedResult\": false");
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(() -> http.post("/api/funds/sub-funds/" + subFund + "/investments", elsewhere,
                    "Authorization", GUANGZHOU));
        }

        List<Response> answers = Race.atOnce(requests);
        Response kept = http.post("/api/funds/sub-funds/" + subFund + "/investments",
                FundTests.investment(subFund, "440100", "600"), "Authorization", GUANGZHOU);

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(13); // 13 × 30 = 390 ≤ 400 < 14 × 30
        assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(7).allSatisfy(answer -> {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("detail").asString()).contains("may still invest in such firms, 10万元")
                    .contains("at least 600万元");
        });
        assertThat(kept.status()).as(kept.text()).isEqualTo(201);
        var position = http.get("/api/funds/sub-funds/" + subFund + "/position", "Authorization", GUANGZHOU).json();
        assertThat(position.path("committedWan").decimalValue()).isEqualByComparingTo("990");
        assertThat(position.path("publiclyFundedWan").decimalValue()).isEqualByComparingTo("600");
        assertThat(position.path("publiclyFundedRequiredWan").decimalValue()).isEqualByComparingTo("600");
    }

    @Test
    void theSameCommitmentSentTwiceWithItsKeyIsOneInvestment() throws Exception {
        String subFund = FundTests.establishedSubFund(http, GUANGZHOU, "440100", 100);
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(() -> http.post("/api/funds/sub-funds/" + subFund + "/investments",
                    FundTests.investment(subFund, "440100", "60"), "Authorization", GUANGZHOU,
                    "Idempotency-Key", "deal-7"));
        }

        List<Response> answers = Race.atOnce(requests);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.text()).isIn(200, 201));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().map(a -> a.json().path("id").asString()).distinct()).hasSize(1);
        assertThat(sumOfCommitted(subFund)).isEqualByComparingTo("60");
        Response otherAmount = http.post("/api/funds/sub-funds/" + subFund + "/investments",
                FundTests.investment(subFund, "440100", "10"), "Authorization", GUANGZHOU, "Idempotency-Key", "deal-7");
        assertThat(otherAmount.status()).isEqualTo(409);
    }

    @Test
    void aProposedInvestmentIsCommittedOnceAndAProposedSubFundInvestsNothing() {
        String subFund = FundTests.establishedSubFund(http, GUANGZHOU, "440100", 100);
        String id = created(http.post("/api/funds/investments", FundTests.investment(subFund, "440100", "30"),
                "Authorization", GUANGZHOU)).json().path("id").asString();

        Response committed = http.post("/api/funds/investments/" + id + "/commit", null, "Authorization", GUANGZHOU,
                "If-Match", "\"1\"");
        Response again = http.post("/api/funds/investments/" + id + "/commit", null, "Authorization", GUANGZHOU,
                "If-Match", "\"2\"");
        Response forged = http.put("/api/funds/investments/" + id, FundTests.investment(subFund, "440100", "30")
                .replace("}", ", \"status\": \"PROPOSED\"}"), "Authorization", GUANGZHOU, "If-Match", "\"2\"");

        assertThat(committed.status()).as(committed.text()).isEqualTo(200);
        assertThat(committed.json().path("status").asString()).isEqualTo("COMMITTED");
        assertThat(again.status()).isEqualTo(409);
        assertThat(forged.status()).isEqualTo(409);
        String fund = FundTests.fundHolding(http, GUANGZHOU, "440100", "100");
        String proposed = created(http.post("/api/funds/sub-funds", FundTests.subFund(fund, "440100", "20", "80", "100"),
                "Authorization", GUANGZHOU)).json().path("id").asString();
        Response early = http.post("/api/funds/sub-funds/" + proposed + "/investments",
                FundTests.investment(proposed, "440100", "1"), "Authorization", GUANGZHOU);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text()).contains("PROPOSED");
    }

    private BigDecimal sumOfCommitted(String subFund) {
        BigDecimal sum = BigDecimal.ZERO;
        for (var item : http.get("/api/funds/investments?subFundId=" + subFund + "&status=COMMITTED&limit=500",
                "Authorization", GUANGZHOU).json().path("items")) {
            sum = sum.add(item.path("amountWan").decimalValue());
        }
        return sum;
    }
}
