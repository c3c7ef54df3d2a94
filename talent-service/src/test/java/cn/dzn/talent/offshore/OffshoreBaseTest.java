package cn.dzn.talent.offshore;

import static cn.dzn.talent.Fixtures.created;
import static cn.dzn.talent.Fixtures.map;
import static cn.dzn.talent.Fixtures.offshoreBase;
import static cn.dzn.talent.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import cn.dzn.talent.TalentTestBase;

/** Offshore innovation bases (seed 002 §27) through HTTP: their rules, each case named after it, and scope. */
class OffshoreBaseTest extends TalentTestBase {

    static final String SHENZHEN = writer("440300");

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("a hosted project is registered in the base's region (基地注册)", "projects",
                        List.of(project("440100", List.of("CN", "US"))), "projects[0].registeredIn"),
                Arguments.of("a hosted project operates at home (海内外经营)", "projects",
                        List.of(project("440300", List.of("US", "DE"))), "projects[0].operatingIn"),
                Arguments.of("a hosted project operates abroad (海内外经营)", "projects",
                        List.of(project("440305", List.of("CN"))), "projects[0].operatingIn"),
                Arguments.of("a centre abroad lies outside China", "overseasCentres",
                        List.of(map("name", "深圳中心", "country", "CN")), "overseasCentres[0].country"),
                Arguments.of("a hosted talent is listed once", "talents", List.of(talent("t1"), talent("t1")),
                        "talents[1]"),
                Arguments.of("an overseas base (海外基地) names a centre abroad", "overseasCentres", List.of(),
                        "overseasCentres"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleRefusesWhatBreaksIt(String rule, String field, Object value, String brokenField) {
        Map<String, Object> base = offshoreBase("离岸 " + scope, "440300");
        base.put("type", "OVERSEAS_BASE");
        base.put(field, value);
        long before = stored("offshore_bases");

        Response refused = http().post("/api/offshore-bases", TestHttp.json(base), "Authorization", SHENZHEN);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors")).extracting(error -> error.path("field").asString())
                .containsExactly(brokenField);
        assertThat(stored("offshore_bases")).isEqualTo(before);
    }

    @Test
    void theRegionKeepsItsBasesWithTheTalentsAndProjectsTheyHost() {
        Map<String, Object> base = offshoreBase("中国科协（深圳）海外人才离岸创新创业基地 " + scope, "440300");
        base.put("projects", List.of(project("440305", List.of("CN", "US", "DE"))));
        String id = created(http().post("/api/offshore-bases", TestHttp.json(base), "Authorization", SHENZHEN));

        Response read = http().get("/api/offshore-bases/" + id, "Authorization", SHENZHEN);
        assertThat(read.json().path("projects").get(0).path("registeredIn").asString()).isEqualTo("440305");
        assertThat(read.json().path("talents").get(0).path("originCountry").asString()).isEqualTo("US");
        assertThat(http().get("/api/offshore-bases?type=OFFSHORE_BASE&limit=500", "Authorization", SHENZHEN).text())
                .contains(id);
        assertThat(http().get("/api/offshore-bases/" + id, "Authorization", writer("440100")).status()).isEqualTo(404);
        assertThat(http().post("/api/offshore-bases", TestHttp.json(offshoreBase("广州", "440100")),
                "Authorization", SHENZHEN).status()).isEqualTo(403);
    }

    static Map<String, Object> project(String registeredIn, List<String> operatingIn) {
        return map("name", "项目", "registeredIn", registeredIn, "operatingIn", operatingIn, "since", "2020-01-01");
    }

    static Map<String, Object> talent(String ref) {
        return map("ref", ref, "originCountry", "GB", "since", "2020-01-01");
    }
}
