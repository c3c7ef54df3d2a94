package cn.dzn.talent.commissioners;

import static cn.dzn.talent.Fixtures.commissioner;
import static cn.dzn.talent.Fixtures.created;
import static cn.dzn.talent.Fixtures.map;
import static cn.dzn.talent.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import cn.dzn.talent.TalentTestBase;

/**
 * S&T commissioner and expert-team assignments (seed 004 §一; seed 003 §20) through HTTP: who is
 * assigned to which enterprise for which term with what outcome, each rule a named case, and scope.
 */
class CommissionerTest extends TalentTestBase {

    static final String WUHAN = writer("420100");

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("a commissioner is named by the bureau's reference", c -> c.remove("personRef"), "personRef"),
                rule("a commissioner is one person, not a team", c -> c.put("teamSize", 5), "teamName"),
                rule("an expert team has a name and a size", c -> {
                    c.put("kind", "EXPERT_TEAM");
                    c.remove("personRef");
                }, "teamName"),
                rule("an expert team is named by its name, not a person's reference", c -> {
                    c.put("kind", "EXPERT_TEAM");
                    c.put("teamName", "专家服务团");
                    c.put("teamSize", 6);
                }, "personRef"),
                rule("a term does not end before it starts", c -> c.put("to", "2024-12-31"), "to"),
                rule("a service is listed once", c -> c.put("services", List.of("CONSULTING", "CONSULTING")),
                        "services[1]"),
                rule("a finished assignment says what came of it", c -> c.put("outcome", map("status", "ENDED_EARLY")),
                        "outcome.summary"),
                rule("a completed assignment has ended", c -> {
                    c.put("to", "2999-12-31");
                    c.put("outcome", map("status", "COMPLETED", "summary", "完成"));
                }, "outcome.status"),
                rule("a contract the assignment led to is listed once", c -> c.put("outcome", map("status", "ONGOING",
                        "contractNumbers", List.of("4201002025000001", "4201002025000001"))),
                        "outcome.contractNumbers[1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleRefusesWhatBreaksIt(String rule, Consumer<Map<String, Object>> breaking, String brokenField) {
        Map<String, Object> assignment = commissioner("420100", "p-" + scope);
        breaking.accept(assignment);
        long before = stored("commissioner_assignments");

        Response refused = http().post("/api/commissioners", TestHttp.json(assignment), "Authorization", WUHAN);

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().path("errors")).extracting(error -> error.path("field").asString())
                .containsExactly(brokenField);
        assertThat(stored("commissioner_assignments")).isEqualTo(before);
    }

    @Test
    void theRegionRecordsAnAssignmentAndItsOutcome() {
        Map<String, Object> team = commissioner("420100", null);
        team.remove("personRef");
        team.putAll(map("kind", "EXPERT_TEAM", "teamName", "科技专家服务团 " + scope, "teamSize", 8,
                "from", "2024-03-01", "to", "2024-12-31",
                "outcome", map("status", "COMPLETED", "summary", "促成技术许可一项",
                        "contractNumbers", List.of("4201002024000123"))));
        String id = created(http().post("/api/commissioners", TestHttp.json(team), "Authorization", WUHAN));

        Response read = http().get("/api/commissioners/" + id, "Authorization", WUHAN);
        assertThat(read.json().path("outcome").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(http().get("/api/commissioners?kind=EXPERT_TEAM&outcome=COMPLETED&limit=500", "Authorization", WUHAN)
                .text()).contains(id);
        assertThat(http().get("/api/commissioners?outcome=ONGOING&limit=500", "Authorization", WUHAN).text())
                .doesNotContain(id);
        assertThat(http().get("/api/commissioners/" + id, "Authorization", writer("510100")).status()).isEqualTo(404);
        assertThat(http().post("/api/commissioners", TestHttp.json(commissioner("510100", "x")), "Authorization", WUHAN)
                .status()).isEqualTo(403);
    }

    private static Arguments rule(String name, Consumer<Map<String, Object>> breaking, String field) {
        return Arguments.of(name, breaking, field);
    }
}
