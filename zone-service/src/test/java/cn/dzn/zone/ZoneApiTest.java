package cn.dzn.zone;

import static cn.dzn.platform.identity.Role.READ;
import static cn.dzn.platform.identity.Role.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;

class ZoneApiTest extends ZoneServiceTestBase {

    static final String NATIONAL = TestCallers.national();
    static final String GUANGDONG = TestCallers.bearer("440000", READ, WRITE);
    static final String GUANGZHOU = TestCallers.bearer("440100", READ, WRITE);
    static final String SUZHOU = TestCallers.bearer("320500", READ, WRITE);

    @Autowired
    MongoDatabase database;

    static String zone(String name, String region, String... members) {
        return TestHttp.json(Map.of("name", name, "regionCode", region, "memberCities", List.of(members),
                "leadingIndustries", List.of("生物医药")));
    }

    Response create(String token, String body) {
        return http().post("/api/zones", body, "Authorization", token);
    }

    @Test
    void aZoneKeepsItsBuildPeriodConstructionBodyAndCoreParks() {
        String body = TestHttp.json(Map.of("name", "成德绵示范区", "regionCode", "510000",
                "memberCities", List.of("510100", "510600", "510700"), "approvedOn", "2018-05-01",
                "buildPeriod", Map.of("fromYear", 2018, "toYear", 2022), "constructionBody", "四川省人民政府",
                "coreParks", List.of("成都国家高新技术产业开发区", "绵阳科技城")));
        String id = create(NATIONAL, body).json().get("id").asString();

        var read = http().get("/api/zones/" + id, "Authorization", NATIONAL).json();
        assertThat(read.get("buildPeriod").get("fromYear").asInt()).isEqualTo(2018);
        assertThat(read.get("buildPeriod").get("toYear").asInt()).isEqualTo(2022);
        assertThat(read.get("constructionBody").asString()).isEqualTo("四川省人民政府");
        assertThat(read.get("coreParks").toString()).isEqualTo("[\"成都国家高新技术产业开发区\",\"绵阳科技城\"]");
    }

    /** The sample data as the loader stores it (sample data is off in these tests). */
    @Test
    void everySampleZoneNamesItsBuildPeriodBodyAndParks() throws Exception {
        List<String> ids = new ArrayList<>();
        try (var in = getClass().getResourceAsStream("/sample/zones.json")) {
            new tools.jackson.databind.json.JsonMapper().readTree(in).forEach(zone -> {
                ids.add(zone.get("_id").asString());
                assertThat(zone.get("buildPeriod").get("fromYear").asInt()).as(zone.get("_id").asString())
                        .isLessThanOrEqualTo(zone.get("buildPeriod").get("toYear").asInt());
                assertThat(zone.get("constructionBody").asString()).endsWith("人民政府");
                assertThat(zone.get("coreParks").size()).isPositive();
            });
        }
        assertThat(ids).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void createReadUpdateDeleteWithVersions() {
        Response created = create(NATIONAL, zone("苏南示范区", "320000", "320100", "320500"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/zones/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        Response read = http().get("/api/zones/" + id, "Authorization", NATIONAL);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("memberCities").toString()).isEqualTo("[\"320100\",\"320500\"]");
        assertThat(read.json().get("version").asLong()).isEqualTo(1);

        String renamed = zone("苏南国家科技成果转移转化示范区", "320000", "320100", "320500", "321100");
        Response updated = http().put("/api/zones/" + id, renamed, "Authorization", NATIONAL, "If-Match", "\"1\"");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("version").asLong()).isEqualTo(2);
        assertThat(updated.json().get("memberCities").size()).isEqualTo(3);

        Response stale = http().put("/api/zones/" + id, renamed, "Authorization", NATIONAL, "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);

        Response unversioned = http().put("/api/zones/" + id, renamed, "Authorization", NATIONAL);
        assertThat(unversioned.status()).isEqualTo(428);

        assertThat(http().delete("/api/zones/" + id, "Authorization", NATIONAL, "If-Match", "\"1\"").status())
                .isEqualTo(409);
        assertThat(http().delete("/api/zones/" + id, "Authorization", NATIONAL, "If-Match", "\"2\"").status())
                .isEqualTo(204);
        assertThat(http().get("/api/zones/" + id, "Authorization", NATIONAL).status()).isEqualTo(404);
    }

    /** Issue 14: a Guangzhou key made a zone with Suzhou as a member, which Suzhou then read. */
    @Test
    void aCityCannotMakeAZoneThatReachesIntoAnotherRegion() {
        String guangzhou = TestCallers.bearer("440100", READ, WRITE);
        Response spanning = create(guangzhou, zone("越界", "440100", "440100", "320500"));
        assertThat(spanning.status()).isEqualTo(400);
        assertThat(spanning.text()).contains("memberCities[1]", "outside the zone's region");
        Response synced = http().post("/api/zones/sync", "{\"records\": [{\"id\": \"span-" + UUID.randomUUID()
                + "\", \"data\": " + zone("越界", "440100", "440100", "320500") + "}]}", "Authorization", guangzhou,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(synced.json().path("results").get(0).path("outcome").asString()).isEqualTo("rejected");
        assertThat(create(NATIONAL, zone("跨省", "000000", "440100", "320500")).status())
                .as("a zone spanning provinces belongs to the nation").isEqualTo(201);
    }

    @Test
    void memberCitiesSeeAZoneButOnlyItsOwnerChangesIt() {
        String id = create(GUANGDONG, zone("珠三角示范区", "440000", "440100", "440300")).json().get("id").asString();

        assertThat(http().get("/api/zones/" + id, "Authorization", GUANGZHOU).status()).isEqualTo(200);
        assertThat(http().get("/api/zones/" + id, "Authorization", SUZHOU).status()).isEqualTo(404);
        assertThat(http().put("/api/zones/" + id, zone("改名", "440000", "440100"), "Authorization", GUANGZHOU,
                "If-Match", "\"1\"").status()).isEqualTo(403);
        assertThat(http().delete("/api/zones/" + id, "Authorization", GUANGZHOU, "If-Match", "\"1\"").status())
                .isEqualTo(403);
        assertThat(http().get("/api/zones/" + id, "Authorization", NATIONAL).json().get("version").asLong())
                .isEqualTo(1);

        Response foreign = create(GUANGZHOU, zone("越权", "440000", "440100"));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(create(GUANGZHOU, zone("广州片区", "440100", "440100")).status()).isEqualTo(201);

        List<String> seenBySuzhou = ids(http().get("/api/zones?limit=500", "Authorization", SUZHOU));
        assertThat(seenBySuzhou).doesNotContain(id);
        assertThat(ids(http().get("/api/zones?limit=500", "Authorization", GUANGZHOU))).contains(id);
    }

    @Test
    void readOnlyAndUnauthenticatedCallersAreRefused() {
        String reader = TestCallers.bearer("440100", READ);
        assertThat(create(reader, zone("只读", "440100", "440100")).status()).isEqualTo(403);

        Response anonymous = http().post("/api/zones", zone("匿名", "440100", "440100"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        String forged = NATIONAL.substring(0, NATIONAL.length() - 4) + "AAAA";
        assertThat(http().get("/api/zones", "Authorization", forged).status()).isEqualTo(401);
    }

    @Test
    void keysetPagingWalksEveryZoneOnceInOrder() {
        String xinjiang = TestCallers.bearer("650000", READ, WRITE);
        List<String> createdIds = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            createdIds.add(create(xinjiang, zone("新疆片区" + i, "650100", "650100")).json().get("id").asString());
        }
        List<String> walked = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Response page = http().get("/api/zones?limit=3" + (next == null ? "" : "&after=" + next),
                    "Authorization", xinjiang);
            assertThat(page.status()).isEqualTo(200);
            walked.addAll(ids(page));
            next = page.json().get("next").isNull() ? null : page.json().get("next").asString();
            pages++;
        } while (next != null);
        assertThat(pages).isEqualTo(3);
        assertThat(walked).containsExactlyElementsOf(createdIds.stream().sorted().toList());
    }

    @Test
    void pagingParametersAreChecked() {
        assertThat(http().get("/api/zones?limit=0", "Authorization", NATIONAL).status()).isEqualTo(400);
        assertThat(http().get("/api/zones?limit=501", "Authorization", NATIONAL).status()).isEqualTo(400);
        assertThat(http().get("/api/zones?limit=abc", "Authorization", NATIONAL).status()).isEqualTo(400);
        assertThat(http().get("/api/zones?after=%25%25%25", "Authorization", NATIONAL).status()).isEqualTo(400);
    }

    static List<String> ids(Response page) {
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    long zoneCount() {
        return database.getCollection("zones", Document.class).countDocuments();
    }
}
