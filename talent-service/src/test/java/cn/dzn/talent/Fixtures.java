package cn.dzn.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.dzn.platform.identity.Role;
import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;

/** Records the talent tests build on, as a bureau sends them, and a national writer to put them in place. */
public final class Fixtures {

    public static final String NATIONAL = TestCallers.bearer("000000", Role.READ, Role.WRITE);

    private Fixtures() {
    }

    public static String writer(String region) {
        return TestCallers.bearer(region, Role.READ, Role.WRITE);
    }

    public static String reader(String region) {
        return TestCallers.bearer(region, Role.READ);
    }

    /** A training base teaching one course of each module: PK-1, PL-1, PS-1 and CU-1. */
    public static Map<String, Object> base(String name, String region) {
        return map("name", name, "hostOrganisation", "技术转移中心", "regionCode", region, "batch", 1,
                "courses", List.of(course("PK-1", "PUBLIC_KNOWLEDGE"), course("PL-1", "POLICY_AND_LAW"),
                        course("PS-1", "PRACTICAL_SKILLS"), course("CU-1", "CAPABILITY_UPGRADE")));
    }

    public static Map<String, Object> course(String code, String module) {
        return map("code", code, "title", "课程 " + code, "module", module, "hours", 8);
    }

    public static Map<String, Object> completion(String baseId, String talentId, String region, String... codes) {
        List<Map<String, Object>> courses = new ArrayList<>();
        for (String code : codes) {
            courses.add(map("code", code, "completedOn", "2025-03-01"));
        }
        return map("baseId", baseId, "talentId", talentId, "regionCode", region, "courses", courses);
    }

    public static Map<String, Object> professional(String region, String ref, String role) {
        return map("ref", ref, "regionCode", region, "role", role, "employer", "技术转移机构", "level", "JUNIOR",
                "status", "ACTIVE", "personal", map("name", "张三" + ref, "phone", "138-0000-" + ref.hashCode() % 10000));
    }

    public static Map<String, Object> broker(String talentId, String region) {
        return map("talentId", talentId, "regionCode", region,
                "institution", map("name", "知识产权服务中心", "kind", "IP"), "admittedOn", "2024-01-15",
                "agreements", List.of(map("university", "华南理工大学", "scope", "专利转让", "shareMethod", "佣金",
                        "sharePercent", 15, "from", "2024-01-01", "to", "2026-12-31")),
                "status", "ACTIVE");
    }

    /** An offshore base of Shenzhen's kind (seed 002 §27) hosting one talent and one project. */
    public static Map<String, Object> offshoreBase(String name, String region) {
        return map("name", name, "operator", "市科协", "regionCode", region, "type", "OFFSHORE_BASE",
                "establishedOn", "2017-06-01",
                "overseasCentres", List.of(map("name", "硅谷中心", "country", "US", "city", "San Jose")),
                "talents", List.of(map("ref", "ot-1", "originCountry", "US", "field", "生物医药", "since", "2018-01-01")),
                "projects", List.of(map("name", "离岸项目", "registeredIn", region, "operatingIn", List.of("CN", "US"),
                        "since", "2019-01-01")));
    }

    /** A commissioner assigned to an enterprise for 2025, still at work. */
    public static Map<String, Object> commissioner(String region, String personRef) {
        return map("kind", "COMMISSIONER", "personRef", personRef, "regionCode", region,
                "enterprise", map("name", "某科技有限公司", "creditCode", "91440101MA5CXXXX0A"),
                "from", "2025-01-01", "to", "2025-12-31", "services", List.of("CONSULTING", "SERVICE"),
                "outcome", map("status", "ONGOING"));
    }

    /** Creates the records at {@code path} through one sync batch as the national writer; their ids as given. */
    public static void synced(TestHttp http, String path, Map<String, Map<String, Object>> records) {
        List<Map<String, Object>> envelopes = new ArrayList<>();
        records.forEach((id, data) -> envelopes.add(map("id", id, "data", data)));
        TestHttp.Response answer = http.post(path + "/sync", TestHttp.json(Map.of("records", envelopes)),
                "Authorization", NATIONAL, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().path("counts").path("created").asInt()).as(answer.text()).isEqualTo(records.size());
    }

    /** A created record's id, after asserting the 201. */
    public static String created(TestHttp.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    /** A map keeping its keys in order, nulls left out. */
    public static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
