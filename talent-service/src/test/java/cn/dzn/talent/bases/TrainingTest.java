package cn.dzn.talent.bases;

import static cn.dzn.talent.Fixtures.NATIONAL;
import static cn.dzn.talent.Fixtures.base;
import static cn.dzn.talent.Fixtures.completion;
import static cn.dzn.talent.Fixtures.course;
import static cn.dzn.talent.Fixtures.created;
import static cn.dzn.talent.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import cn.dzn.talent.TalentTestBase;

/** Training bases with their curriculum, and who completed which courses, through HTTP. */
class TrainingTest extends TalentTestBase {

    static final String GUANGZHOU = writer("440100");
    static final String SHENZHEN = writer("440300");

    @Autowired
    CompletionService completions;

    @Test
    void aCityKeepsItsBasesAndCurriculumAndSeesNoOtherCitysBase() {
        String id = created(http().post("/api/talent-bases", TestHttp.json(base("广州基地 " + scope, "440100")),
                "Authorization", GUANGZHOU));

        Response read = http().get("/api/talent-bases/" + id, "Authorization", GUANGZHOU);
        assertThat(read.json().path("hostOrganisation").asString()).isEqualTo("技术转移中心");
        assertThat(read.json().path("courses").size()).isEqualTo(4);
        assertThat(read.json().path("courses").get(0).path("module").asString()).isEqualTo("PUBLIC_KNOWLEDGE");
        assertThat(http().get("/api/talent-bases/" + id, "Authorization", SHENZHEN).status()).isEqualTo(404);
        assertThat(http().get("/api/talent-bases/" + id, "Authorization", writer("440106")).status())
                .as("a district sees inside itself only").isEqualTo(404);
        assertThat(http().get("/api/talent-bases/" + id, "Authorization", writer("440000")).status()).isEqualTo(200);
        Response elsewhere = http().post("/api/talent-bases", TestHttp.json(base("深圳基地", "440300")),
                "Authorization", GUANGZHOU);
        assertThat(elsewhere.status()).isEqualTo(403);
    }

    @Test
    void theBasesRegionRecordsWhoCompletedWhichOfItsCourses() {
        String baseId = created(http().post("/api/talent-bases", TestHttp.json(base("基地 " + scope, "440300")),
                "Authorization", SHENZHEN));
        String trainee = "440100.gz-" + scope;

        Response done = http().post("/api/talent-bases/completions",
                TestHttp.json(completion(baseId, trainee, "440300", "PK-1", "PL-1", "PS-1")), "Authorization", SHENZHEN);

        assertThat(done.status()).as(done.text()).isEqualTo(201);
        assertThat(done.json().path("id").asString()).isEqualTo(CompletionInput.key(baseId, trainee));
        assertThat(completions.modulesCompletedBy(trainee)).containsExactlyInAnyOrder(Module.PUBLIC_KNOWLEDGE,
                Module.POLICY_AND_LAW, Module.PRACTICAL_SKILLS);
        Response byTrainee = http().get("/api/talent-bases/completions?talentId=" + trainee, "Authorization", SHENZHEN);
        assertThat(byTrainee.json().path("items").size()).isEqualTo(1);
        assertThat(http().get("/api/talent-bases/completions?talentId=" + trainee, "Authorization", GUANGZHOU)
                .json().path("items").size()).as("the trainee's city does not read another city's base").isZero();
        Response again = http().post("/api/talent-bases/completions",
                TestHttp.json(completion(baseId, trainee, "440300", "PK-1", "PL-1", "PS-1")), "Authorization", SHENZHEN);
        assertThat(again.status()).as("the natural key makes a resend change nothing").isEqualTo(200);
        Response other = http().post("/api/talent-bases/completions",
                TestHttp.json(completion(baseId, trainee, "440300", "PK-1")), "Authorization", SHENZHEN);
        assertThat(other.status()).as("one record per base and trainee").isEqualTo(409);
    }

    @Test
    void aModuleCountsOnceEveryOneOfItsCoursesAtTheBaseIsCompleted() {
        String baseId = created(http().post("/api/talent-bases", TestHttp.json(Map.of("name", "两门实务 " + scope,
                "hostOrganisation", "中心", "regionCode", "440300", "batch", 2, "courses", List.of(
                        course("PS-1", "PRACTICAL_SKILLS"), course("PS-2", "PRACTICAL_SKILLS"),
                        course("PK-1", "PUBLIC_KNOWLEDGE")))), "Authorization", SHENZHEN));
        String trainee = "440300.sz-" + scope;

        created(http().post("/api/talent-bases/completions",
                TestHttp.json(completion(baseId, trainee, "440300", "PS-1", "PK-1")), "Authorization", SHENZHEN));

        assertThat(completions.modulesCompletedBy(trainee)).isEqualTo(Set.of(Module.PUBLIC_KNOWLEDGE));
    }

    @Test
    void aCompletionNamesOnlyCoursesTheBaseTeachesAndOnlyItsOwnRegionRecordsIt() {
        String baseId = created(http().post("/api/talent-bases", TestHttp.json(base("基地 " + scope, "440300")),
                "Authorization", SHENZHEN));
        long before = stored("training_completions");

        Response unknownCourse = http().post("/api/talent-bases/completions",
                TestHttp.json(completion(baseId, "440300.x-" + scope, "440300", "PK-1", "ZZ-9")), "Authorization", SHENZHEN);
        Response wrongRegion = http().post("/api/talent-bases/completions",
                TestHttp.json(completion(baseId, "440100.x-" + scope, "440100", "PK-1")), "Authorization", GUANGZHOU);
        Response noBase = http().post("/api/talent-bases/completions",
                TestHttp.json(completion("no-such-base", "440300.x-" + scope, "440300", "PK-1")), "Authorization", SHENZHEN);

        assertThat(unknownCourse.status()).isEqualTo(400);
        assertThat(unknownCourse.text()).contains("courses[1].code", "teaches no course ZZ-9");
        assertThat(wrongRegion.status()).isEqualTo(400);
        assertThat(wrongRegion.text()).contains("baseId");
        assertThat(noBase.status()).isEqualTo(400);
        assertThat(stored("training_completions")).isEqualTo(before);
        assertThat(http().get("/api/talent-bases/completions/" + CompletionInput.key(baseId, "440300.x-" + scope), "Authorization",
                NATIONAL).status()).isEqualTo(404);
    }
}
