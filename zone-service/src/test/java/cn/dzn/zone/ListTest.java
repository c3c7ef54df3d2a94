package cn.dzn.zone;

import static cn.dzn.platform.identity.Role.READ;
import static cn.dzn.platform.identity.Role.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/** Demand and scenario lists (seed 004 §四): who publishes, search by industry and keyword, paging. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListTest extends ZoneServiceTestBase {

    static final String NATIONAL = TestCallers.national();
    static final String GUANGDONG = TestCallers.bearer("440000", READ, WRITE);
    static final String GUANGZHOU = TestCallers.bearer("440100", READ, WRITE);
    static final String SUZHOU = TestCallers.bearer("320500", READ);

    @Autowired
    MongoDatabase database;

    String zoneId;

    @BeforeAll
    void aGuangdongZoneWithTwoLists() {
        zoneId = http().post("/api/zones", TestHttp.json(Map.of("name", "清单示范区-" + UUID.randomUUID(),
                "regionCode", "440000", "memberCities", List.of("440100", "440300"))), "Authorization", NATIONAL)
                .json().get("id").asString();
        Response demand = put(GUANGDONG, list("DEMAND", "2025Q3", List.of(
                item("生物医药", "抗体药物中试放大工艺", 800), item("生物医药", "细胞治疗质控检测方法", 300),
                item("新材料", "高导热复合材料量产工艺", 500), item("生物医药", "医疗器械注册检验服务", null),
                item("新材料", "柔性显示基板材料", 1200))));
        assertThat(demand.status()).as(demand.text()).isEqualTo(200);
        assertThat(put(GUANGDONG, list("SCENARIO", "2025Q3", List.of(item("智能制造", "港口无人集卡应用场景", 0),
                item("生物医药", "社区医院远程诊断场景", 150)))).status()).isEqualTo(200);
    }

    Map<String, Object> list(String kind, String period, List<Map<String, Object>> items) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("zoneId", zoneId);
        list.put("regionCode", "440000");
        list.put("kind", kind);
        list.put("period", period);
        list.put("items", items);
        return list;
    }

    static Map<String, Object> item(String industry, String description, Integer budget) {
        Map<String, Object> item = new LinkedHashMap<>(Map.of("industry", industry, "description", description,
                "contactOrg", "广东省技术转移中心"));
        if (budget != null) {
            item.put("budget", budget);
        }
        return item;
    }

    Response put(String token, Map<String, Object> list) {
        return http().put("/api/lists/" + zoneId + "." + list.get("kind") + "." + list.get("period"),
                TestHttp.json(list), "Authorization", token);
    }

    JsonNode search(String query) {
        Response response = http().get("/api/lists/items?zoneId=" + zoneId + "&" + query, "Authorization", SUZHOU);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void itemsAreFoundByIndustryKeywordAndKind() {
        assertThat(search("industry=生物医药").get("items")).hasSize(4);
        assertThat(search("industry=生物医药&kind=DEMAND").get("items")).hasSize(3);
        JsonNode byKeyword = search("q=工艺").get("items");
        assertThat(byKeyword).hasSize(2);
        assertThat(byKeyword.get(0).get("description").asString()).isEqualTo("抗体药物中试放大工艺");
        assertThat(byKeyword.get(1).get("listId").asString()).isEqualTo(zoneId + ".DEMAND.2025Q3");
        assertThat(search("kind=SCENARIO").get("items")).hasSize(2);
        assertThat(search("q=不存在的关键词").get("items")).isEmpty();
    }

    @Test
    void searchPagesByKeysetWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = search("limit=2" + (after == null ? "" : "&after=" + after));
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(hit -> seen.add(hit.get("listId").asString() + "#" + hit.get("index").asInt()));
            JsonNode next = page.path("next");
            after = next.isNull() || next.isMissingNode() ? null : next.asString();
        } while (after != null);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(seen).isSorted();
        assertThat(http().get("/api/lists/items?after=bm90LW91cnM", "Authorization", SUZHOU).status()).isEqualTo(400);
    }

    @Test
    void onlyTheZonesLeadRegionPublishesButEveryoneReads() {
        Response city = put(GUANGZHOU, list("DEMAND", "2025Q2", List.of(item("新材料", "x", 1))));
        assertThat(city.status()).isEqualTo(403);
        Map<String, Object> asCity = list("DEMAND", "2025Q2", List.of(item("新材料", "x", 1)));
        asCity.put("regionCode", "440100");
        Response wrongOwner = put(GUANGZHOU, asCity);
        assertThat(wrongOwner.status()).isEqualTo(400);
        assertThat(wrongOwner.text()).contains("lead region");
        assertThat(http().get("/api/lists/" + zoneId + ".DEMAND.2025Q3", "Authorization", SUZHOU).status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no items", "negative budget", "future period", "unknown zone", "blank industry"})
    void badListsAre400AndWriteNothing(String what) {
        Map<String, Object> list = list("DEMAND", "2024Q4", List.of(item("新材料", "x", 1)));
        switch (what) {
            case "no items" -> list.put("items", List.of());
            case "negative budget" -> list.put("items", List.of(item("新材料", "x", -1)));
            case "future period" -> list.put("period", "2999Q1");
            case "unknown zone" -> list.put("zoneId", "zone-nowhere");
            default -> list.put("items", List.of(item(" ", "x", 1)));
        }
        Response response = http().put("/api/lists/" + list.get("zoneId") + ".DEMAND." + list.get("period"),
                TestHttp.json(list), "Authorization", GUANGDONG);
        assertThat(response.status()).as(what + ": " + response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(database.getCollection("lists").countDocuments(new Document("period", list.get("period"))
                .append("zoneId", list.get("zoneId")))).isZero();
    }
}
