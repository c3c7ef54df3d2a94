package cn.dzn.talent.professionals;

import static cn.dzn.talent.Fixtures.NATIONAL;
import static cn.dzn.talent.Fixtures.base;
import static cn.dzn.talent.Fixtures.completion;
import static cn.dzn.talent.Fixtures.created;
import static cn.dzn.talent.Fixtures.map;
import static cn.dzn.talent.Fixtures.professional;
import static cn.dzn.talent.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import cn.dzn.talent.TalentTestBase;
import tools.jackson.databind.JsonNode;

/** Professionals through HTTP: the level-up rules as a bureau meets them, scope, and progress toward the targets. */
class ProfessionalTest extends TalentTestBase {

    static final String GUANGZHOU = writer("440100");

    @Test
    void aBureauPromotesAProfessionalOnceTrainingAndDealsAreShown() {
        String id = "440100.p-" + scope;
        Map<String, Object> pro = professional("440100", "p-" + scope, "BROKER");
        pro.put("deals", deals(3));
        assertThat(created(http().post("/api/talents", TestHttp.json(pro), "Authorization", GUANGZHOU))).isEqualTo(id);

        Response untrained = promote(id, 1);
        assertThat(untrained.status()).isEqualTo(409);
        assertThat(untrained.text()).contains(LevelRules.Rule.INTERMEDIATE_NEEDS_TRAINING.text(), "实务技能");

        String baseId = created(http().post("/api/talent-bases", TestHttp.json(base("基地 " + scope, "440100")),
                "Authorization", GUANGZHOU));
        created(http().post("/api/talent-bases/completions", TestHttp.json(completion(baseId, id, "440100", "PK-1",
                "PL-1", "PS-1")), "Authorization", GUANGZHOU));
        Response promoted = promote(id, 1);

        assertThat(promoted.status()).as(promoted.text()).isEqualTo(200);
        assertThat(promoted.json().path("level").asString()).isEqualTo("INTERMEDIATE");
        assertThat(promoted.json().path("version").asLong()).isEqualTo(2);
        assertThat(http().get("/api/talents/" + id + "/personal", "Authorization", GUANGZHOU).json().path("name")
                .asString()).as("a promotion keeps the personal data").isEqualTo("张三p-" + scope);
        Response senior = promote(id, 2);
        assertThat(senior.status()).isEqualTo(409);
        assertThat(senior.text()).contains(LevelRules.Rule.SENIOR_NEEDS_TRAINING.text(),
                LevelRules.Rule.SENIOR_NEEDS_DEALS.text(), "10 needed, 3 named");
    }

    @Test
    void aLevelRaisedWithoutTheRulesIsRefusedThroughPutAndSyncAlike() {
        String id = "440100.q-" + scope;
        Map<String, Object> pro = professional("440100", "q-" + scope, "MANAGER");
        created(http().post("/api/talents", TestHttp.json(pro), "Authorization", GUANGZHOU));
        pro.put("level", "INTERMEDIATE");

        Response put = http().put("/api/talents/" + id, TestHttp.json(pro), "Authorization", GUANGZHOU, "If-Match", "\"1\"");
        Response synced = http().post("/api/talents/sync", TestHttp.json(Map.of("records", List.of(
                map("id", id, "version", 1, "data", pro)))), "Authorization", GUANGZHOU,
                "Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> newcomer = professional("440100", "r-" + scope, "BROKER");
        newcomer.put("level", "SENIOR");
        Response createdHigh = http().post("/api/talents", TestHttp.json(newcomer), "Authorization", GUANGZHOU);

        assertThat(put.status()).isEqualTo(409);
        assertThat(put.json().path("errors").get(0).path("field").asString()).isEqualTo("level");
        JsonNode result = synced.json().path("results").get(0);
        assertThat(result.path("outcome").asString()).isEqualTo("rejected");
        assertThat(result.path("errors").toString()).contains(LevelRules.Rule.INTERMEDIATE_NEEDS_DEALS.text());
        assertThat(createdHigh.status()).isEqualTo(400);
        assertThat(createdHigh.text()).contains(LevelRules.Rule.INTERMEDIATE_NEEDS_TRAINING.text(),
                LevelRules.Rule.SENIOR_NEEDS_TRAINING.text());
        assertThat(http().get("/api/talents/" + id, "Authorization", GUANGZHOU).json().path("level").asString())
                .isEqualTo("JUNIOR");
        pro.put("level", "JUNIOR");
        pro.put("status", "LEFT");
        assertThat(http().put("/api/talents/" + id, TestHttp.json(pro), "Authorization", GUANGZHOU, "If-Match", "\"1\"")
                .status()).as("other changes are made freely").isEqualTo(200);
    }

    @Test
    void aCitySeesAndWritesItsOwnProfessionalsOnly() {
        String id = "440300.s-" + scope;
        created(http().post("/api/talents", TestHttp.json(professional("440300", "s-" + scope, "BROKER")),
                "Authorization", writer("440300")));

        assertThat(http().get("/api/talents/" + id, "Authorization", GUANGZHOU).status()).isEqualTo(404);
        assertThat(http().get("/api/talents?limit=500", "Authorization", GUANGZHOU).text()).doesNotContain(id);
        assertThat(http().post("/api/talents/" + id + "/promote", null, "Authorization", GUANGZHOU, "If-Match", "\"1\"")
                .status()).isEqualTo(404);
        assertThat(http().post("/api/talents", TestHttp.json(professional("440300", "t-" + scope, "BROKER")),
                "Authorization", GUANGZHOU).status()).isEqualTo(403);
        assertThat(http().get("/api/talents/" + id, "Authorization", writer("440000")).status()).isEqualTo(200);
        assertThat(http().get("/api/talents?level=JUNIOR&role=BROKER&limit=500", "Authorization", writer("440300"))
                .text()).contains(id);
        assertThat(http().get("/api/talents?level=SENIOR", "Authorization", writer("440300")).text()).doesNotContain(id);
    }

    @Test
    void progressTowardTheTargetsIsShownAtEveryTier() {
        JsonNode before = progress("440305", writer("440305"));
        created(http().post("/api/talents", TestHttp.json(professional("440305", "n-" + scope, "BROKER")),
                "Authorization", writer("440305")));

        JsonNode nanshan = progress("440305", writer("440305"));
        assertThat(nanshan.path("tiers")).extracting(tier -> tier.path("regionCode").asString())
                .containsExactly("440305", "440300", "440000", "000000");
        for (int i = 0; i < 4; i++) {
            assertThat(nanshan.path("tiers").get(i).path("professionals").asLong()).as("tier " + i)
                    .isEqualTo(before.path("tiers").get(i).path("professionals").asLong() + 1);
        }
        JsonNode shenzhen = nanshan.path("tiers").get(1);
        assertThat(shenzhen.path("target").asInt()).isEqualTo(1000);
        assertThat(shenzhen.path("source").asString()).contains("seed 002");
        assertThat(shenzhen.path("byLevel").path("JUNIOR").asLong()).isPositive();
        assertThat(nanshan.path("tiers").get(2).path("target").isNull()).as("no seed sets Guangdong's").isTrue();
        assertThat(nanshan.path("tiers").get(3).path("target").asInt()).isEqualTo(10000);
        long national = nanshan.path("tiers").get(3).path("professionals").asLong();
        assertThat(nanshan.path("tiers").get(3).path("percent").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(national * 100).divide(BigDecimal.valueOf(10000), 1,
                        RoundingMode.HALF_UP));

        JsonNode country = progress(null, NATIONAL);
        assertThat(country.path("tiers")).hasSize(1);
        assertThat(country.path("within")).extracting(tier -> tier.path("regionCode").asString())
                .containsExactlyInAnyOrder("440300", "440100");
        assertThat(progress("440300", writer("320500")).path("tiers").get(0).path("professionals").asLong())
                .as("counts are aggregates: any caller reads any region's").isEqualTo(shenzhen.path("professionals").asLong());
        Response bad = http().get("/api/talents/progress?region=999999", "Authorization", NATIONAL);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("region");
    }

    private JsonNode progress(String region, String caller) {
        Response response = http().get("/api/talents/progress" + (region == null ? "" : "?region=" + region),
                "Authorization", caller);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private Response promote(String id, int version) {
        return http().post("/api/talents/" + id + "/promote", null, "Authorization", GUANGZHOU,
                "If-Match", "\"" + version + "\"");
    }

    static List<Map<String, Object>> deals(int count) {
        List<Map<String, Object>> deals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deals.add(map("contractNumber", "44010020250000" + (10 + i), "closedOn", "2025-0" + (i % 9 + 1) + "-15"));
        }
        return deals;
    }
}
