package cn.dzn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;
import tools.jackson.databind.JsonNode;

class ClientsApiTest extends GatewayTestSupport {

    private static final String GUANGZHOU = """
            {"name": "Guangzhou bureau", "regionCode": "440100", "roles": ["READ", "WRITE"]}""";

    @Autowired
    private MongoDatabase database;

    @Test
    void anAdminCreatesACityClientWhoseKeyWorksForItsRegion() {
        HttpResponse<String> created = post("/api/clients", ADMIN_KEY, GUANGZHOU);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode client = json(created);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/clients/" + client.path("id").asString());
        assertThat(client.path("name").asString()).isEqualTo("Guangzhou bureau");
        assertThat(client.path("regionCode").asString()).isEqualTo("440100");
        assertThat(client.path("roles").toString()).isEqualTo("[\"READ\",\"WRITE\"]");
        assertThat(client.path("createdAt").asString()).isNotBlank();
        assertThat(client.has("keyHash")).isFalse();
        String apiKey = client.path("apiKey").asString();
        assertThat(apiKey).startsWith("dzn_").hasSize(4 + 43);

        assertThat(get("/api/zones", apiKey).statusCode()).isEqualTo(200);
        Caller caller = callerOf(onlyRequest());
        assertThat(caller.clientId()).isEqualTo(client.path("id").asString());
        assertThat(caller.region()).isEqualTo(RegionCode.of("440100"));
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.READ, Role.WRITE);
    }

    @Test
    void theListShowsClientsButNeverTheirKeysOrHashes() {
        String id = json(post("/api/clients", ADMIN_KEY, GUANGZHOU)).path("id").asString();

        HttpResponse<String> list = get("/api/clients?limit=500", ADMIN_KEY);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(id).contains("bootstrap-admin")
                .doesNotContain("apiKey").doesNotContain("keyHash").doesNotContain("dzn_");
        assertThat(json(list).has("next")).isTrue();
    }

    @Test
    void theListIsPagedByCursor() {
        post("/api/clients", ADMIN_KEY, GUANGZHOU);
        post("/api/clients", ADMIN_KEY, GUANGZHOU);

        JsonNode first = json(get("/api/clients?limit=1", ADMIN_KEY));
        JsonNode second = json(get("/api/clients?limit=1&after=" + first.path("next").asString(), ADMIN_KEY));

        assertThat(first.path("items")).hasSize(1);
        assertThat(second.path("items").get(0).path("id").asString())
                .isGreaterThan(first.path("items").get(0).path("id").asString());
        assertProblem(get("/api/clients?limit=0", ADMIN_KEY), 400);
        JsonNode wrongType = assertProblem(get("/api/clients?limit=ten", ADMIN_KEY), 400);
        assertThat(wrongType.path("errors").get(0).path("field").asString()).isEqualTo("limit");
    }

    @Test
    void aClientThatIsNotANationalAdminCannotManageClients() {
        String cityKey = json(post("/api/clients", ADMIN_KEY, GUANGZHOU)).path("apiKey").asString();
        String provincialAdmin = json(post("/api/clients", ADMIN_KEY, """
                {"name": "Guangdong", "regionCode": "440000", "roles": ["ADMIN"]}""")).path("apiKey").asString();

        assertProblem(post("/api/clients", cityKey, GUANGZHOU), 403);
        assertProblem(post("/api/clients", provincialAdmin, GUANGZHOU), 403);
        assertProblem(get("/api/clients", cityKey), 403);
        assertProblem(delete("/api/clients/bootstrap-admin", cityKey), 403);
        assertProblem(post("/api/clients", null, GUANGZHOU), 401);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        JsonNode client = json(post("/api/clients", ADMIN_KEY, GUANGZHOU));
        String apiKey = client.path("apiKey").asString();
        assertThat(get("/api/zones", apiKey).statusCode()).isEqualTo(200); // now cached as valid

        assertThat(delete("/api/clients/" + client.path("id").asString(), ADMIN_KEY).statusCode()).isEqualTo(204);

        assertProblem(get("/api/zones", apiKey), 401);
        assertThat(delete("/api/clients/" + client.path("id").asString(), ADMIN_KEY).statusCode()).isEqualTo(204);
        assertThat(json(get("/api/clients?limit=500", ADMIN_KEY)).path("items").toString())
                .contains("\"revokedAt\":\"");
    }

    @Test
    void revokingAnUnknownClientIs404AndTheBootstrapAdminIs409() {
        assertProblem(delete("/api/clients/000000000000000000000000", ADMIN_KEY), 404);
        assertProblem(delete("/api/clients/bootstrap-admin", ADMIN_KEY), 409);
        assertThat(get("/api/zones", ADMIN_KEY).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON   | {"name": "x", "regionCode": | ''
            not JSON at all  | name=x                      | ''
            empty body       | ''                          | ''
            invalid region   | {"name": "x", "regionCode": "999999", "roles": ["READ"]} | regionCode
            district no city | {"name": "x", "regionCode": "440001", "roles": ["READ"]} | regionCode
            unknown role     | {"name": "x", "regionCode": "440100", "roles": ["READ", "BOSS"]} | roles[1]
            unknown field    | {"name": "x", "regionCode": "440100", "roles": ["READ"], "admin": true} | admin
            missing name     | {"regionCode": "440100", "roles": ["READ"]} | name
            blank name       | {"name": " ", "regionCode": "440100", "roles": ["READ"]} | name
            no roles         | {"name": "x", "regionCode": "440100", "roles": []} | roles
            operator object  | {"name": {"$gt": ""}, "regionCode": "440100", "roles": ["READ"]} | name
            """)
    void badInputIs400ProblemAndStoresNothing(String why, String body, String field) {
        long before = database.getCollection("api_clients").countDocuments();

        JsonNode problem = assertProblem(post("/api/clients", ADMIN_KEY, body), 400);

        if (!field.isEmpty()) {
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
            assertThat(problem.path("errors").get(0).path("message").asString()).isNotBlank();
        }
        assertThat(database.getCollection("api_clients").countDocuments()).isEqualTo(before);
    }
}
