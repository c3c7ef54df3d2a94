package cn.dzn.fund.vouchers;

import static cn.dzn.fund.FundTests.GUANGZHOU;
import static cn.dzn.fund.FundTests.SHENZHEN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.dzn.fund.FundServiceTestBase;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.test.TestCallers;
import tools.jackson.databind.JsonNode;

/** The sample vouchers, agreement and pledges read and work as records written through the API do. */
class SampleVouchersTest extends FundServiceTestBase {

    @Test
    void aSampleVoucherIsRedeemedAcrossTheSampleAgreement() {
        String foshan = TestCallers.bearer("440600", Role.READ, Role.WRITE);
        JsonNode before = http.get("/api/vouchers/sample-voucher-440100-1", "Authorization", GUANGZHOU).json();
        assertThat(before.path("faceValueWan").decimalValue()).isEqualByComparingTo("10");

        var redeemed = http.post("/api/vouchers/sample-voucher-440100-1/redemptions", RedemptionTest.request("440600",
                "TESTING", "1.5", "sample-1"), "Authorization", foshan);

        assertThat(redeemed.status()).as(redeemed.text()).isEqualTo(201);
        assertThat(redeemed.json().path("agreementId").asString()).isEqualTo("sample-agreement-440000-gz-fs");
        assertThat(http.get("/api/vouchers/sample-voucher-440100-1", "Authorization", foshan).json().path("redeemedWan")
                .decimalValue()).isEqualByComparingTo("1.5");
        assertThat(http.post("/api/vouchers/sample-voucher-440300-1/redemptions", RedemptionTest.request("440600",
                "TESTING", "1", "sample-2"), "Authorization", foshan).status()).isEqualTo(404);
        assertThat(http.get("/api/voucher-agreements/sample-agreement-440000-gz-fs", "Authorization", SHENZHEN)
                .status()).isEqualTo(404);
    }

    @Test
    void theSamplePledgesAreTheSampleJointFundsSize() {
        JsonNode position = http.get("/api/funds/sample-fund-440300-joint/position", "Authorization", SHENZHEN).json();

        assertThat(position.path("pledgedWan").decimalValue()).isEqualByComparingTo("100000");
        assertThat(position.path("receivedWan").decimalValue()).isEqualByComparingTo("0");
    }
}
