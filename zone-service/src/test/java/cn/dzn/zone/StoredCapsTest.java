package cn.dzn.zone;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import cn.dzn.zone.indicators.IndicatorCatalog;
import cn.dzn.zone.evaluation.Ranking;

/**
 * Issue 14: the document bounds a ranking's rows and an annual report by the indicators of the
 * catalog; a ranking of more zones is refused rather than answered, a new indicator past the cap
 * is refused. Each test fills the collection to
 * the cap with placeholders of its own, which it removes again, and finds the next one refused.
 */
class StoredCapsTest extends ZoneServiceTestBase {

    static final String NATIONAL = TestCallers.national();

    @Autowired
    MongoDatabase database;

    @Test
    void aRankingOfMoreZonesThanItsAnswerHoldsIsRefused() {
        MongoCollection<Document> zones = database.getCollection("zones");
        assertThat(http().put("/api/evaluation/2012/scheme", "{\"period\": \"2012\", \"weights\": [{\"indicator\":"
                + " \"contract_turnover\", \"weight\": 1}]}", "Authorization", NATIONAL).status()).isEqualTo(200);
        List<Document> placeholders = new ArrayList<>();
        for (long i = zones.countDocuments(ne("deleted", true)); i <= Ranking.MAX_ROWS; i++) {
            placeholders.add(new Document("_id", "placeholder-" + UUID.randomUUID()).append("placeholder", true)
                    .append("name", "占位").append("regionCode", "440100").append("memberCities", List.of("440100"))
                    .append("version", 1L).append("deleted", false));
        }
        zones.insertMany(placeholders);
        try {
            Response refused = http().get("/api/evaluation/2012/ranking", "Authorization", NATIONAL);
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.text()).contains("at most 1000 zones");
        } finally {
            zones.deleteMany(eq("placeholder", true));
        }
    }

    @Test
    void aNewIndicatorBeyondTheHundredIsRefusedARedefinitionIsNot() {
        MongoCollection<Document> indicators = database.getCollection("indicators");
        fill(indicators, IndicatorCatalog.MAX_INDICATORS - indicators.countDocuments());
        String definition = "{\"code\": \"%s\", \"name\": \"技术合同成交额\", \"unit\": \"万元\", \"aggregation\": \"SUM\","
                + " \"nonNegative\": true}";
        try {
            Response refused = http().put("/api/indicators/cap_probe", definition.formatted("cap_probe"),
                    "Authorization", NATIONAL);
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("code");
            assertThat(http().put("/api/indicators/contract_turnover", definition.formatted("contract_turnover"),
                    "Authorization", NATIONAL).status()).isEqualTo(200);
        } finally {
            indicators.deleteMany(eq("placeholder", true));
        }
    }

    /** Placeholders the test removes again; nothing reads them in between. */
    private static void fill(MongoCollection<Document> collection, long count) {
        List<Document> placeholders = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            placeholders.add(new Document("_id", "placeholder-" + UUID.randomUUID()).append("placeholder", true)
                    .append("deleted", false));
        }
        if (!placeholders.isEmpty()) {
            collection.insertMany(placeholders);
        }
    }
}
