package cn.dzn.fund.vouchers;

import static cn.dzn.fund.FundTests.GUANGDONG;
import static cn.dzn.fund.FundTests.GUANGZHOU;
import static cn.dzn.fund.FundTests.NATIONAL;
import static cn.dzn.fund.FundTests.SHENZHEN;
import static cn.dzn.fund.FundTests.SUZHOU;
import static cn.dzn.fund.FundTests.created;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import cn.dzn.fund.FundServiceTestBase;
import cn.dzn.fund.FundTests;
import cn.dzn.platform.test.Race;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * A voucher is spent once, however many providers race for it; expired and revoked ones are
 * refused; a provider in another region redeems one only while a mutual-recognition agreement
 * covers both regions (seed 003 §22, seed 004 §五), and the redemption is visible to both.
 */
class RedemptionTest extends FundServiceTestBase {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void fiftyProvidersRacingForOneVoucherSpendItExactlyOnce() throws Exception {
        String voucher = voucher(GUANGZHOU, "440100", "FULL", "5", TODAY.minusDays(1), TODAY.plusDays(30));
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String reference = "r-" + i;
            requests.add(() -> redeem(GUANGZHOU, voucher, "440106", null, reference));
        }

        List<Response> answers = Race.atOnce(requests);

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(49).allSatisfy(answer -> {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("detail").asString()).contains("already redeemed");
        });
        JsonNode stored = http.get("/api/vouchers/" + voucher, "Authorization", GUANGZHOU).json();
        assertThat(stored.path("status").asString()).isEqualTo("REDEEMED");
        assertThat(stored.path("redeemedWan").decimalValue()).isEqualByComparingTo("5");
        assertThat(stored.path("redemptions").size()).isEqualTo(1);
    }

    @Test
    void aPartialVoucherIsSpentInPartsNeverBeyondItsFaceValue() throws Exception {
        String voucher = voucher(GUANGZHOU, "440100", "PARTIAL", "10", TODAY, TODAY);
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String reference = "p-" + i;
            requests.add(() -> redeem(GUANGZHOU, voucher, "440100", "1", reference));
        }

        List<Response> answers = Race.atOnce(requests);

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(10);
        assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(20);
        JsonNode stored = http.get("/api/vouchers/" + voucher, "Authorization", GUANGZHOU).json();
        assertThat(stored.path("redeemedWan").decimalValue()).isEqualByComparingTo("10");
        assertThat(stored.path("status").asString()).isEqualTo("REDEEMED");
    }

    @Test
    void theSameReferenceAgainIsTheSameRedemption() {
        String voucher = voucher(GUANGZHOU, "440100", "PARTIAL", "10", TODAY, TODAY.plusDays(1));
        Response first = redeem(GUANGZHOU, voucher, "440100", "2.5", "receipt-1");
        Response again = redeem(GUANGZHOU, voucher, "440100", "2.5", "receipt-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(http.get("/api/vouchers/" + voucher, "Authorization", GUANGZHOU).json().path("redeemedWan")
                .decimalValue()).isEqualByComparingTo("2.5");
    }

    @Test
    void expiredRevokedAndNotYetValidVouchersAreRefused() {
        String expired = voucher(GUANGZHOU, "440100", "FULL", "1", TODAY.minusDays(10), TODAY.minusDays(1));
        String future = voucher(GUANGZHOU, "440100", "FULL", "1", TODAY.plusDays(1), TODAY.plusDays(10));
        String revoked = voucher(GUANGZHOU, "440100", "FULL", "1", TODAY, TODAY.plusDays(10));
        Response revocation = http.post("/api/vouchers/" + revoked + "/revoke", "{\"reason\": \"持券企业已注销\"}",
                "Authorization", GUANGZHOU, "If-Match", "\"1\"");
        assertThat(revocation.status()).as(revocation.text()).isEqualTo(200);

        assertRefused(redeem(GUANGZHOU, expired, "440100", null, "e-1"), 409, "expired on " + TODAY.minusDays(1));
        assertRefused(redeem(GUANGZHOU, future, "440100", null, "f-1"), 409, "is valid from");
        assertRefused(redeem(GUANGZHOU, revoked, "440100", null, "v-1"), 409, "was revoked: 持券企业已注销");
        assertThat(http.post("/api/vouchers/" + revoked + "/revoke", "{\"reason\": \"再次\"}", "Authorization",
                GUANGZHOU, "If-Match", "\"2\"").status()).isEqualTo(409);
    }

    @Test
    void onlyTheIssuingRegionRevokesAndItSaysWhy() {
        String voucher = voucher(GUANGZHOU, "440100", "FULL", "1", TODAY, TODAY.plusDays(10));
        String reason = "{\"reason\": \"错发\"}";

        assertRefused(http.post("/api/vouchers/no-such-voucher/revoke", reason, "Authorization", GUANGZHOU,
                "If-Match", "\"1\""), 404, "does not exist");
        assertRefused(http.post("/api/vouchers/" + voucher + "/revoke", reason, "Authorization", SHENZHEN,
                "If-Match", "\"1\""), 404, "does not exist");
        assertRefused(http.post("/api/vouchers/" + voucher + "/revoke", reason, "Authorization",
                FundTests.GUANGZHOU_READER, "If-Match", "\"1\""), 403, "may only read");
        assertRefused(http.post("/api/vouchers/" + voucher + "/revoke", reason, "Authorization", GUANGZHOU), 428,
                "If-Match");
        assertThat(http.post("/api/vouchers/" + voucher + "/revoke", null, "Authorization", GUANGZHOU, "If-Match",
                "\"1\"").status()).isEqualTo(400);
        assertThat(http.post("/api/vouchers/" + voucher + "/revoke", "{\"reason\": \" \"}", "Authorization",
                GUANGZHOU, "If-Match", "\"1\"").status()).isEqualTo(400);
        assertThat(http.get("/api/vouchers/" + voucher, "Authorization", GUANGZHOU).json().path("version").asLong())
                .isEqualTo(1);
    }

    @Test
    void whatAVoucherPaysForAndHowItIsSpentAreItsOwn() {
        String full = voucher(GUANGZHOU, "440100", "FULL", "3", TODAY, TODAY);
        String partial = voucher(GUANGZHOU, "440100", "PARTIAL", "3", TODAY, TODAY);

        Response category = http.post("/api/vouchers/" + full + "/redemptions", request("440100", "INCUBATION", null,
                "c-1"), "Authorization", GUANGZHOU);
        assertRefused(category, 422, "not INCUBATION");
        assertRefused(redeem(GUANGZHOU, full, "440100", "1", "c-2"), 422, "spent whole");
        assertRefused(redeem(GUANGZHOU, partial, "440100", null, "c-3"), 422, "name amountWan");
        assertRefused(redeem(GUANGZHOU, partial, "440100", "3.000001", "c-4"), 409, "exceeds what is left");
        assertThat(http.get("/api/vouchers/" + full, "Authorization", GUANGZHOU).json().path("version").asLong())
                .isEqualTo(1);
    }

    @Test
    void acrossRegionsOnlyWhileAnAgreementCoversBoth() {
        String voucher = voucher(GUANGZHOU, "440100", "PARTIAL", "20", TODAY.minusDays(5), TODAY.plusDays(30));

        assertRefused(redeem(SHENZHEN, voucher, "440300", "1", "x-1"), 404, "no mutual-recognition agreement");
        String lapsed = agreement(TODAY.minusYears(1), TODAY.minusDays(1));
        assertRefused(redeem(SHENZHEN, voucher, "440300", "1", "x-2"), 404, "does not exist");
        assertRefused(redeem(NATIONAL, voucher, "440300", "1", "x-3"), 409, "no mutual-recognition agreement in force");

        String inForce = agreement(TODAY.minusDays(1), TODAY.plusYears(1));
        Response redeemed = redeem(SHENZHEN, voucher, "440300", "1", "x-4");

        assertThat(redeemed.status()).as(redeemed.text()).isEqualTo(201);
        assertThat(redeemed.json().path("agreementId").asString()).isEqualTo(inForce).isNotEqualTo(lapsed);
        assertThat(http.get("/api/vouchers/" + voucher, "Authorization", SHENZHEN).status()).isEqualTo(200);
        assertThat(http.get("/api/vouchers/" + voucher + "/redemptions", "Authorization", SHENZHEN).json().size())
                .isEqualTo(1);
        assertThat(http.get("/api/vouchers/" + voucher + "/redemptions", "Authorization", GUANGZHOU).json().get(0)
                .path("providerRegion").asString()).isEqualTo("440300");
        assertThat(http.get("/api/voucher-agreements/" + inForce, "Authorization", SHENZHEN).status()).isEqualTo(200);
        assertThat(http.get("/api/voucher-agreements/" + inForce, "Authorization", SUZHOU).status()).isEqualTo(404);
    }

    @Test
    void aVoucherOfAnotherRegionIsNotFoundAndUnchanged() {
        String suzhou = voucher(SUZHOU, "320500", "FULL", "2", TODAY, TODAY.plusDays(1));

        assertRefused(redeem(GUANGZHOU, suzhou, "440100", null, "s-1"), 404, "does not exist");
        assertThat(http.get("/api/vouchers/" + suzhou, "Authorization", GUANGZHOU).status()).isEqualTo(404);
        assertThat(http.get("/api/vouchers/" + suzhou + "/redemptions", "Authorization", GUANGZHOU).status())
                .isEqualTo(404);
        assertRefused(redeem(GUANGZHOU, suzhou, "320500", null, "s-2"), 403, "outside");
        JsonNode stored = http.get("/api/vouchers/" + suzhou, "Authorization", SUZHOU).json();
        assertThat(stored.path("version").asLong()).isEqualTo(1);
        assertThat(stored.path("redemptions").size()).isZero();
    }

    @Test
    void aClientCannotWriteARedemptionIntoAVoucher() {
        String voucher = voucher(GUANGZHOU, "440100", "FULL", "2", TODAY, TODAY);
        Response read = http.get("/api/vouchers/" + voucher, "Authorization", GUANGZHOU);
        String forged = voucherBody("440100", "FULL", "2", TODAY, TODAY).replace("}", ", \"redeemedWan\": 2, "
                + "\"status\": \"REDEEMED\", \"redemptions\": [{\"id\": \"fake\", \"amountWan\": 2, \"category\": "
                + "\"TESTING\", \"provider\": \"某机构\", \"providerRegion\": \"440100\", \"reference\": \"fake\", "
                + "\"redeemedBy\": \"me\", \"redeemedAt\": \"2025-01-01T00:00:00Z\"}]}");

        Response put = http.put("/api/vouchers/" + voucher, forged, "Authorization", GUANGZHOU, "If-Match",
                read.header("ETag"));

        assertThat(put.status()).as(put.text()).isEqualTo(409);
        assertThat(http.get("/api/vouchers/" + voucher, "Authorization", GUANGZHOU).json().path("status").asString())
                .isEqualTo("ISSUED");
    }

    private String agreement(LocalDate from, LocalDate until) {
        return created(http.post("/api/voucher-agreements", TestHttp.json(Map.of("name", "广深创新券互认",
                "regionCode", "440000", "parties", List.of("440100", "440300"), "validFrom", from.toString(),
                "validUntil", until.toString())), "Authorization", GUANGDONG)).json().path("id").asString();
    }

    private String voucher(String token, String region, String rule, String faceWan, LocalDate from, LocalDate until) {
        return created(http.post("/api/vouchers", voucherBody(region, rule, faceWan, from, until), "Authorization",
                token)).json().path("id").asString();
    }

    static String voucherBody(String region, String rule, String faceWan, LocalDate from, LocalDate until) {
        return "{\"regionCode\": \"" + region + "\", \"holder\": \"某中小企业\", \"faceValueWan\": " + faceWan
                + ", \"issuedOn\": \"" + from + "\", \"expiresOn\": \"" + until + "\", \"categories\": [\"TESTING\", "
                + "\"CONSULTING\"], \"rule\": \"" + rule + "\"}";
    }

    private Response redeem(String token, String voucher, String providerRegion, String amountWan, String reference) {
        return http.post("/api/vouchers/" + voucher + "/redemptions", request(providerRegion, "TESTING", amountWan,
                reference), "Authorization", token);
    }

    static String request(String providerRegion, String category, String amountWan, String reference) {
        return "{\"provider\": \"检测中心\", \"providerRegion\": \"" + providerRegion + "\", \"category\": \"" + category
                + "\"" + (amountWan == null ? "" : ", \"amountWan\": " + amountWan) + ", \"reference\": \"" + reference
                + "\"}";
    }

    private static void assertRefused(Response response, int status, String detail) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).contains(detail);
    }
}
