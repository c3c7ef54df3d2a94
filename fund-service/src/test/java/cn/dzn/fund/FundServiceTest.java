package cn.dzn.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.dzn.fund.funds.Fund;
import cn.dzn.fund.funds.FundKind;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.test.FiguresContractTest;
import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * The figures contract for funds: {@code {"service": "fund", "figures": {"funds": n, ...}}}, and
 * the money figures the zone overview shows, in whole 万元 (rounded down).
 */
class FundServiceTest extends FiguresContractTest<Fund> {

    @Test
    void moneyFiguresAreWholeWanOfTheRegionsAsked() {
        TestHttp api = TestHttp.localhost(port);
        String panyu = TestCallers.bearer("440113", Role.READ, Role.WRITE);
        String fund = FundTests.fundHolding(api, panyu, "440113", "1000.6");
        FundTests.created(api.post("/api/funds/contributions", "{\"fundId\": \"" + fund + "\", \"regionCode\": "
                + "\"440113\", \"tier\": \"NATIONAL\", \"contributor\": \"科技部\", \"amountWan\": 0.5}",
                "Authorization", panyu));
        String subFund = FundTests.created(api.post("/api/funds/sub-funds", FundTests.subFund(fund, "440113", "100.2",
                "399.8", "500"), "Authorization", panyu)).json().path("id").asString();
        FundTests.created(api.post("/api/funds/sub-funds/" + subFund + "/establish", null, "Authorization", panyu,
                "If-Match", "\"1\""));
        FundTests.created(api.post("/api/funds/sub-funds/" + subFund + "/investments", FundTests.investment(subFund,
                "440113", "120.9"), "Authorization", panyu));
        String voucher = FundTests.created(api.post("/api/vouchers", "{\"regionCode\": \"440113\", \"holder\": "
                + "\"某企业\", \"faceValueWan\": 5.5, \"issuedOn\": \"2025-01-01\", \"expiresOn\": \"2099-12-31\", "
                + "\"categories\": [\"TESTING\"], \"rule\": \"PARTIAL\"}", "Authorization", panyu)).json().path("id")
                .asString();
        FundTests.created(api.post("/api/vouchers/" + voucher + "/redemptions", "{\"provider\": \"检测中心\", "
                + "\"providerRegion\": \"440113\", \"category\": \"TESTING\", \"amountWan\": 2.9, "
                + "\"reference\": \"fig-1\"}", "Authorization", panyu));

        JsonNode figures = figures("440113").path("figures");

        assertThat(figures.path("fundsCommittedWan").asLong()).isEqualTo(1001); // 1000.6 + 0.5
        assertThat(figures.path("fundsGuidanceCommittedWan").asLong()).isEqualTo(100);
        assertThat(figures.path("fundsInvestedWan").asLong()).isEqualTo(120);
        assertThat(figures.path("vouchersIssuedWan").asLong()).isEqualTo(5);
        assertThat(figures.path("vouchersRedeemedWan").asLong()).isEqualTo(2);
        assertThat(figures.path("funds").asLong()).isEqualTo(1);
        assertThat(figures("440100").path("figures").path("fundsCommittedWan").asLong()).isGreaterThanOrEqualTo(1001);
    }

    @Override
    protected String serviceName() {
        return "fund";
    }

    @Override
    protected String collectionName() {
        return "funds";
    }

    @Override
    protected Class<Fund> recordType() {
        return Fund.class;
    }

    @Override
    protected String primaryFigure() {
        return "funds";
    }

    @Override
    protected Fund recordIn(String regionCode) {
        return new Fund("test-" + UUID.randomUUID(), "测试基金", regionCode, FundKind.GUIDANCE_FUND, "test", true, null, null, 1L);
    }

    @Override
    protected void assertSample(Fund fund) {
        assertThat(RegionCode.isValid(fund.regionCode())).as(fund.id()).isTrue();
        assertThat(fund.note()).as(fund.id()).isNotBlank();
        assertThat(fund.kind()).as(fund.id()).isNotNull();
    }
}
