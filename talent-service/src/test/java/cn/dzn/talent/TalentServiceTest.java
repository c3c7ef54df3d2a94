package cn.dzn.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.test.FiguresContractTest;
import cn.dzn.talent.bases.TalentBase;

/** The figures contract for talent bases: {@code {"service": "talent", "figures": {"talentBases": n}}}. */
class TalentServiceTest extends FiguresContractTest<TalentBase> {

    @Override
    protected String serviceName() {
        return "talent";
    }

    @Override
    protected String collectionName() {
        return "talent_bases";
    }

    @Override
    protected Class<TalentBase> recordType() {
        return TalentBase.class;
    }

    @Override
    protected String primaryFigure() {
        return "talentBases";
    }

    @Override
    protected TalentBase recordIn(String regionCode) {
        return new TalentBase("test-" + UUID.randomUUID(), "测试基地", regionCode, 1, true, "test", 1L);
    }

    @Override
    protected void assertSample(TalentBase base) {
        assertThat(RegionCode.isValid(base.regionCode())).as(base.id()).isTrue();
        assertThat(base.note()).as(base.id()).isNotBlank();
        assertThat(base.batch()).as(base.id()).isPositive();
    }
}
