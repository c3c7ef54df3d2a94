package cn.dzn.talent.professionals;

import static cn.dzn.talent.Fixtures.professional;
import static cn.dzn.talent.Fixtures.reader;
import static cn.dzn.talent.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.dzn.platform.identity.Role;
import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import cn.dzn.talent.TalentTestBase;

/**
 * Issue 16: a professional's personal fields reach no caller outside its city, in lists, the
 * change feed and the audit alike, and nobody can list them in bulk: only its own city reads
 * them, one record at a time. Out-of-region callers do not see the professional at all.
 */
class PrivacyTest extends TalentTestBase {

    static final String SHENZHEN = writer("440300");
    static final String GUANGDONG = writer("440000");
    static final String NATIONAL_ADMIN = TestCallers.national();
    static final String GUANGZHOU = writer("440100");

    @Test
    void noListFeedReadOrAnswerCarriesAPersonalField() {
        String name = "隐私" + scope;
        String phone = "+86 139-" + scope.replaceAll("[^0-9]", "1").substring(0, 4) + "-5555";
        Map<String, Object> pro = professional("440300", "v-" + scope, "BROKER");
        pro.put("personal", Map.of("name", name, "phone", phone));
        String id = "440300.v-" + scope;

        Response created = http().post("/api/talents", TestHttp.json(pro), "Authorization", SHENZHEN);
        Response synced = http().post("/api/talents/sync", TestHttp.json(Map.of("records", List.of(Map.of("id",
                "440300.w-" + scope, "data", withRef(pro, "w-" + scope))))), "Authorization", SHENZHEN,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.status()).isEqualTo(201);
        assertThat(synced.json().path("counts").path("created").asInt()).isEqualTo(1);

        for (String caller : List.of(SHENZHEN, reader("440300"), GUANGDONG, NATIONAL_ADMIN)) {
            for (Response answer : List.of(created, synced, http().get("/api/talents/" + id, "Authorization", caller),
                    http().get("/api/talents?limit=500", "Authorization", caller), feed(caller))) {
                assertThat(answer.status()).isBetween(200, 201);
                assertThat(answer.text()).doesNotContain(name, phone, "personal");
            }
        }
        assertThat(feed(SHENZHEN).text()).as("the own city's feed lists the record, without personal fields")
                .contains(id);
        Response audit = http().get("/api/talents/audit?limit=500", "Authorization", NATIONAL_ADMIN);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.text()).contains(id).doesNotContain(name, phone);
    }

    @Test
    void outOfRegionCallersDoNotSeeTheProfessionalAtAll() {
        String id = "440300.o-" + scope;
        assertThat(http().post("/api/talents", TestHttp.json(professional("440300", "o-" + scope, "MANAGER")),
                "Authorization", SHENZHEN).status()).isEqualTo(201);

        for (String outside : List.of(GUANGZHOU, reader("320500"), writer("440305"))) {
            assertThat(http().get("/api/talents/" + id, "Authorization", outside).status()).isEqualTo(404);
            assertThat(http().get("/api/talents?limit=500", "Authorization", outside).text()).doesNotContain(id);
            assertThat(feed(outside).text()).doesNotContain(id);
            assertThat(http().get("/api/talents/" + id + "/personal", "Authorization", outside).status()).isEqualTo(404);
        }
    }

    @Test
    void personalDataIsReadOneRecordAtATimeByTheProfessionalsOwnCityOnly() {
        String id = "440300.x-" + scope;
        assertThat(http().post("/api/talents", TestHttp.json(professional("440300", "x-" + scope, "BROKER")),
                "Authorization", SHENZHEN).status()).isEqualTo(201);

        Response own = http().get("/api/talents/" + id + "/personal", "Authorization", reader("440300"));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("name").asString()).isEqualTo("张三x-" + scope);
        for (String above : List.of(GUANGDONG, NATIONAL_ADMIN, TestCallers.bearer("000000", Role.READ))) {
            Response refused = http().get("/api/talents/" + id + "/personal", "Authorization", above);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text()).doesNotContain("张三");
        }
        assertThat(http().get("/api/talents/440300.none-" + scope + "/personal", "Authorization", SHENZHEN).status())
                .isEqualTo(404);
        Map<String, Object> without = professional("440300", "y-" + scope, "BROKER");
        without.remove("personal");
        http().post("/api/talents", TestHttp.json(without), "Authorization", SHENZHEN);
        assertThat(http().get("/api/talents/440300.y-" + scope + "/personal", "Authorization", SHENZHEN).status())
                .as("none kept").isEqualTo(404);
    }

    private Response feed(String caller) {
        Response first = http().get("/api/talents/changes?limit=500", "Authorization", caller);
        StringBuilder all = new StringBuilder(first.text());
        Response page = first;
        while (page.json().path("items").size() == 500) {
            page = http().get("/api/talents/changes?limit=500&since=" + page.json().path("next").asString(),
                    "Authorization", caller);
            all.append(page.text());
        }
        return new Response(first.status(), first.headers(), all.toString(), first.json());
    }

    private static Map<String, Object> withRef(Map<String, Object> pro, String ref) {
        Map<String, Object> copy = new LinkedHashMap<>(pro);
        copy.put("ref", ref);
        return copy;
    }
}
