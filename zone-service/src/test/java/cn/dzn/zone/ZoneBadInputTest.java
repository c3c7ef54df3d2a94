package cn.dzn.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/** Bad input is a clear problem+json 4xx, never a 500, and writes nothing. */
class ZoneBadInputTest extends ZoneServiceTestBase {

    static final String NATIONAL = TestCallers.national();

    @Autowired
    MongoDatabase database;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        malformed JSON        | {"name": "x", "regionCode": | malformed JSON
        not an object         | [1, 2, 3]                                                            | wrong type
        wrong type            | {"name": "x", "regionCode": "440100", "memberCities": ["440100"], "batch": "three"} | batch
        unknown region        | {"name": "x", "regionCode": "999999", "memberCities": ["440100"]}  | regionCode
        short region          | {"name": "x", "regionCode": "4401", "memberCities": ["440100"]}    | regionCode
        operator injection    | {"name": "x", "regionCode": {"$gt": ""}, "memberCities": ["440100"]} | regionCode
        injection in a list   | {"name": "x", "regionCode": "440100", "memberCities": [{"$ne": null}]} | memberCities
        unknown field         | {"name": "x", "regionCode": "440100", "memberCities": ["440100"], "owner": "me"} | owner
        unknown enum value    | {"name": "x", "regionCode": "440100", "memberCities": ["440100"], "status": "DONE"} | status
        province as member    | {"name": "x", "regionCode": "440000", "memberCities": ["440000"]}  | memberCities[0]
        member of another province | {"name": "x", "regionCode": "440100", "memberCities": ["440100", "320500"]} | memberCities[1]
        member outside the city | {"name": "x", "regionCode": "440100", "memberCities": ["440300"]}      | memberCities[0]
        repeated member       | {"name": "x", "regionCode": "440000", "memberCities": ["440100", "440100"]} | memberCities
        blank name            | {"name": " ", "regionCode": "440100", "memberCities": ["440100"]}  | name
        no members            | {"name": "x", "regionCode": "440100", "memberCities": []}          | memberCities
        future approval       | {"name": "x", "regionCode": "440100", "memberCities": ["440100"], "approvedOn": "2999-01-01"} | approvedOn
        period backwards      | {"name": "x", "regionCode": "440100", "memberCities": ["440100"], "buildPeriod": {"fromYear": 2020, "toYear": 2018}} | buildPeriod.toYear
        period too early      | {"name": "x", "regionCode": "440100", "memberCities": ["440100"], "buildPeriod": {"fromYear": 1999, "toYear": 2018}} | buildPeriod.fromYear
        period half given     | {"name": "x", "regionCode": "440100", "memberCities": ["440100"], "buildPeriod": {"fromYear": 2018}} | buildPeriod.toYear
        blank core park       | {"name": "x", "regionCode": "440100", "memberCities": ["440100"], "coreParks": [""]} | coreParks[0]
        """)
    void badBodiesAre400ProblemsAndWriteNothing(String what, String body, String mentioned) {
        long before = zones();
        Response response = http().post("/api/zones", body, "Authorization", NATIONAL);

        assertThat(response.status()).as(what).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(response.text()).as(what).contains(mentioned).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(zones()).isEqualTo(before);
    }

    /** Issue 14: each of these was once stored converted (as "123", 1, ACTIVE, "440100"). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        number as name        | {"name": 123, "regionCode": "440100", "memberCities": ["440100"]}              | name
        fraction as batch     | {"name": "x", "regionCode": "440100", "memberCities": ["440100"], "batch": 1.5} | batch
        number as status      | {"name": "x", "regionCode": "440100", "memberCities": ["440100"], "status": 1}  | status
        number as region      | {"name": "x", "regionCode": 440100, "memberCities": ["440100"]}              | regionCode
        string as batch       | {"name": "x", "regionCode": "440100", "memberCities": ["440100"], "batch": "2"} | batch
        boolean as name       | {"name": true, "regionCode": "440100", "memberCities": ["440100"]}             | name
        """)
    void wrongJsonTypesAreRefusedNeverConverted(String what, String body, String field) {
        long before = zones();
        Response created = http().post("/api/zones", body, "Authorization", NATIONAL);
        assertThat(created.status()).as(what + ": " + created.text()).isEqualTo(400);
        assertThat(created.text()).contains(field).doesNotContain("java.", "Exception");

        Response synced = http().post("/api/zones/sync", "{\"records\": [{\"id\": \"strict-" + what.replace(' ', '-')
                + "\", \"data\": " + body + "}]}", "Authorization", NATIONAL, "Idempotency-Key", "strict-" + UUID.randomUUID());
        assertThat(synced.status()).isEqualTo(200);
        JsonNode result = synced.json().path("results").get(0);
        assertThat(result.path("outcome").asString()).as(what).isEqualTo("rejected");
        assertThat(result.path("errors").get(0).path("field").asString()).isEqualTo("data." + field);
        assertThat(synced.text()).doesNotContain("java.", "Exception", "cn.dzn");
        assertThat(zones()).isEqualTo(before);
    }

    /** Issue 14: a city writing an indicator definition was told "expected a number". */
    @Test
    void whoMaySendABodyIsJudgedBeforeTheBody() {
        String city = TestCallers.bearer("440100", cn.dzn.platform.identity.Role.READ,
                cn.dzn.platform.identity.Role.WRITE);
        String reader = TestCallers.bearer("440100", cn.dzn.platform.identity.Role.READ);
        String cityAdmin = TestCallers.bearer("440100", cn.dzn.platform.identity.Role.ADMIN);
        String garbage = "{\"unit\": 5, \"aggregation\": [], \"name\": {\"$gt\": 1}}";

        Response indicator = http().put("/api/indicators/x_probe", garbage, "Authorization", city);
        assertThat(indicator.status()).as(indicator.text()).isEqualTo(403);
        assertThat(indicator.text()).doesNotContain("unit", "expected");
        assertThat(http().put("/api/indicators/x_probe", garbage, "Authorization", cityAdmin).status())
                .as("a city's administrator is not a national one").isEqualTo(403);
        assertThat(http().put("/api/evaluation/2025/scheme", garbage, "Authorization", city).status()).isEqualTo(403);
        assertThat(http().post("/api/cases", garbage, "Authorization", city).status()).isEqualTo(403);
        assertThat(http().put("/api/targets/t_probe", garbage, "Authorization", city).status()).isEqualTo(403);
        Response readOnly = http().post("/api/zones", garbage, "Authorization", reader);
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(readOnly.text()).contains("may only read").doesNotContain("wrong type");
        assertThat(http().put("/api/indicators/x_probe", garbage, "Authorization", NATIONAL).status())
                .as("the national administrator gets the validation answer").isEqualTo(400);
    }

    @Test
    void everyProblemCarriesTheRequestIdItWasSentOrOneItWasGiven() {
        Response invalid = http().post("/api/zones", "{\"name\": \"\"}", "Authorization", NATIONAL,
                "X-Request-Id", "req-bad-input-0001");
        assertThat(invalid.json().get("requestId").asString()).isEqualTo("req-bad-input-0001");
        assertThat(invalid.header("X-Request-Id")).isEqualTo("req-bad-input-0001");
        Response unauthenticated = http().get("/api/zones", "X-Request-Id", "req-no-token-0001");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.json().get("requestId").asString()).isEqualTo("req-no-token-0001");
        Response generated = http().get("/api/zones/no-such-zone", "Authorization", NATIONAL,
                "X-Request-Id", "bad id with spaces");
        assertThat(generated.status()).isEqualTo(404);
        assertThat(generated.json().get("requestId").asString()).isEqualTo(generated.header("X-Request-Id"))
                .doesNotContain(" ");
    }

    @Test
    void fieldErrorsAreListed() {
        Response response = http().post("/api/zones", "{\"name\": \"\", \"regionCode\": \"990000\", \"memberCities\": []}",
                "Authorization", NATIONAL);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").size()).isEqualTo(3);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("memberCities");
    }

    @Test
    void oversizedBodyIs413AndWritesNothing() {
        long before = zones();
        String huge = "{\"name\": \"" + "x".repeat(3 * 1024 * 1024) + "\", \"regionCode\": \"440100\", "
                + "\"memberCities\": [\"440100\"]}";
        Response response = http().post("/api/zones", huge, "Authorization", NATIONAL);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(zones()).isEqualTo(before);
    }

    @Test
    void badUpdateChangesNothing() {
        Response created = http().post("/api/zones",
                "{\"name\": \"原名\", \"regionCode\": \"440100\", \"memberCities\": [\"440100\"]}",
                "Authorization", NATIONAL);
        String id = created.json().get("id").asString();
        Response bad = http().put("/api/zones/" + id,
                "{\"name\": \"新名\", \"regionCode\": \"440100\", \"memberCities\": [\"440100\"], \"batch\": -1}",
                "Authorization", NATIONAL, "If-Match", "\"1\"");
        assertThat(bad.status()).isEqualTo(400);
        Response badTag = http().put("/api/zones/" + id,
                "{\"name\": \"新名\", \"regionCode\": \"440100\", \"memberCities\": [\"440100\"]}",
                "Authorization", NATIONAL, "If-Match", "\"one\"");
        assertThat(badTag.status()).isEqualTo(400);
        Response read = http().get("/api/zones/" + id, "Authorization", NATIONAL);
        assertThat(read.json().get("name").asString()).isEqualTo("原名");
        assertThat(read.json().get("version").asLong()).isEqualTo(1);
    }

    long zones() {
        return database.getCollection("zones", Document.class).countDocuments();
    }
}
