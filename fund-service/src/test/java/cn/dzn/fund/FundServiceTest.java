package cn.dzn.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import cn.dzn.fund.funds.Fund;
import cn.dzn.fund.funds.FundKind;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.test.FiguresContractTest;

/** The figures contract for funds: {@code {"service": "fund", "figures": {"funds": n}}}. */
class FundServiceTest extends FiguresContractTest<Fund> {

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
