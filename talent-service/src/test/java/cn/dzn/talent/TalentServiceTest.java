package cn.dzn.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.test.context.TestPropertySource;

import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.test.FiguresContractTest;
import cn.dzn.talent.bases.Course;
import cn.dzn.talent.bases.Module;
import cn.dzn.talent.bases.TalentBase;

/**
 * The figures contract for talent bases: {@code {"service": "talent", "figures": {"talentBases": n, ...}}}.
 * Its context has a database of its own: the contract counts every stored document, and the
 * other tests of this module leave tombstones, which the figures rightly do not count.
 */
@TestPropertySource(properties = "spring.mongodb.database=dzn_talent_figures")
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
        return new TalentBase("test-" + UUID.randomUUID(), "测试基地", "测试机构", regionCode, 1,
                List.of(new Course("PK-1", "概论", Module.PUBLIC_KNOWLEDGE, 8)), "test", true, Instant.now(), null, 1L);
    }

    @Override
    protected void assertSample(TalentBase base) {
        assertThat(RegionCode.isValid(base.regionCode())).as(base.id()).isTrue();
        assertThat(base.note()).as(base.id()).isNotBlank();
        assertThat(base.hostOrganisation()).as(base.id()).isNotBlank();
        assertThat(base.batch()).as(base.id()).isPositive();
    }
}
