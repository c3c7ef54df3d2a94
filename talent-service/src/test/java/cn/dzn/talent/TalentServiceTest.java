package cn.dzn.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.test.FiguresContractTest;
import cn.dzn.talent.bases.Course;
import cn.dzn.talent.bases.Module;
import cn.dzn.talent.bases.TalentBase;
import tools.jackson.databind.JsonNode;

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

    /** Issue 16: the overview shows professionals by level, brokers in the programme and training completions. */
    @Test
    void theOverviewGetsProfessionalsByLevelBrokersInTheProgrammeAndTrainingCompletions() {
        JsonNode before = figures("440100,440300").path("figures");
        assertThat(before.path("professionals").asLong()).as("sample professionals in Guangzhou and Shenzhen")
                .isEqualTo(before.path("professionalsJunior").asLong() + before.path("professionalsIntermediate").asLong()
                        + before.path("professionalsSenior").asLong()).isPositive();

        insert("professionals", new Document("_id", "440106.f-" + UUID.randomUUID()).append("regionCode", "440106")
                .append("level", "SENIOR"));
        insert("professionals", new Document("_id", "510100.f-" + UUID.randomUUID()).append("regionCode", "510100")
                .append("level", "SENIOR"));
        insert("brokers", new Document("_id", "440300.b-" + UUID.randomUUID()).append("regionCode", "440300")
                .append("status", "ACTIVE").append("outstanding", true));
        insert("brokers", new Document("_id", "440300.e-" + UUID.randomUUID()).append("regionCode", "440300")
                .append("status", "EXITED"));
        insert("training_completions", new Document("_id", "c" + UUID.randomUUID()).append("regionCode", "440305"));

        JsonNode after = figures("440100,440300").path("figures");
        assertThat(after.path("professionalsSenior").asLong()).isEqualTo(before.path("professionalsSenior").asLong() + 1);
        assertThat(after.path("brokers").asLong()).isEqualTo(before.path("brokers").asLong() + 2);
        assertThat(after.path("brokersActive").asLong()).isEqualTo(before.path("brokersActive").asLong() + 1);
        assertThat(after.path("brokersOutstanding").asLong()).isEqualTo(before.path("brokersOutstanding").asLong() + 1);
        assertThat(after.path("trainingCompletions").asLong()).isEqualTo(before.path("trainingCompletions").asLong() + 1);
        assertThat(after.has("offshoreBases") && after.has("commissionerAssignments")
                && after.has("commissionerAssignmentsOngoing")).isTrue();
    }

    private void insert(String collection, Document document) {
        database.getCollection(collection).insertOne(document.append("deleted", false).append("version", 1L));
    }

    @Override
    protected void assertSample(TalentBase base) {
        assertThat(RegionCode.isValid(base.regionCode())).as(base.id()).isTrue();
        assertThat(base.note()).as(base.id()).isNotBlank();
        assertThat(base.hostOrganisation()).as(base.id()).isNotBlank();
        assertThat(base.batch()).as(base.id()).isPositive();
    }
}
