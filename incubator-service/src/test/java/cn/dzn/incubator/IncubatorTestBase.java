package cn.dzn.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.identity.Role;
import cn.dzn.platform.test.TestCallers;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * What this module's tests against the running service share: callers, the fake gateway that
 * issues incubators' keys, and the steps every scenario starts with (an incubator approved, with
 * its key). Each test names its records with its own {@link #scope}.
 */
@IncubatorTest
public abstract class IncubatorTestBase {

    public static final String PROBLEM = "https://dzn.example.cn/problems/";
    public static final String NATIONAL = TestCallers.national();
    public static final String GUANGDONG = TestCallers.bearer("440000", Role.READ, Role.WRITE);
    public static final String GUANGZHOU = TestCallers.bearer("440100", Role.READ, Role.WRITE);
    public static final String GUANGZHOU_READ_ONLY = TestCallers.bearer("440100", Role.READ);
    public static final String SHENZHEN = TestCallers.bearer("440300", Role.READ, Role.WRITE);
    public static final String SHENZHEN_READ_ONLY = TestCallers.bearer("440300", Role.READ);
    public static final String NANSHAN = TestCallers.bearer("440305", Role.READ, Role.WRITE);
    public static final String SUZHOU = TestCallers.bearer("320500", Role.READ, Role.WRITE);

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoDatabase database;

    @Autowired
    protected FakeGateway.Issuer gateway;

    protected TestHttp http;

    protected String scope;

    @BeforeEach
    void connectAndScope() {
        http = TestHttp.localhost(port);
        scope = UUID.randomUUID().toString().substring(0, 8);
    }

    /** An incubator approved through registration by {@code reviewer}: its id and its own key's token. */
    public record Approved(String id, String key, String clientId, JsonNode answer) {
    }

    protected Approved approved(String name, String kind, String region, String hostCountry, String reviewer) {
        Response submitted = http.post("/api/incubators/registrations", registration(name + " " + scope, kind, region,
                hostCountry));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        String id = submitted.json().path("id").asString();
        Response approved = http.post("/api/incubators/registrations/" + id + "/approve", null, "Authorization",
                reviewer, "If-Match", "\"1\"");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        JsonNode key = approved.json().path("key");
        String apiKey = key.path("apiKey").asString(null);
        return new Approved(id, apiKey == null ? null : gateway.bearer(apiKey), key.path("clientId").asString(null),
                approved.json());
    }

    public static String registration(String name, String kind, String region, String hostCountry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("regionCode", region);
        if (hostCountry != null) {
            body.put("hostCountry", hostCountry);
        }
        body.put("contactEmail", "office@example.cn");
        return TestHttp.json(body);
    }

    /** An incubator created by {@code token} through the API; its id. */
    protected String incubator(String token, Map<String, Object> data) {
        Response created = http.post("/api/incubators", TestHttp.json(data), "Authorization", token);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    protected static Map<String, Object> incubatorData(String name, String region, String kind, Object... more) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("regionCode", region);
        data.put("kind", kind);
        for (int i = 0; i < more.length; i += 2) {
            data.put((String) more[i], more[i + 1]);
        }
        return data;
    }

    protected Response read(String path, String token) {
        return http.get(path, "Authorization", token);
    }

    /** Sends If-Match with the record's version as {@code reader} sees it now. */
    protected Response transition(String path, String action, String body, String token) {
        Response current = read(path, NATIONAL);
        assertThat(current.status()).as(current.text()).isEqualTo(200);
        return http.post(path + "/" + action, body, "Authorization", token, "If-Match", current.header("ETag"));
    }

    protected Response put(String path, Map<String, Object> data, String token) {
        Response current = read(path, NATIONAL);
        assertThat(current.status()).as(current.text()).isEqualTo(200);
        return http.put(path, TestHttp.json(data), "Authorization", token, "If-Match", current.header("ETag"));
    }

    /** The record as stored, to show a refused request changed nothing. */
    protected Document stored(String collection, String id) {
        return database.getCollection(collection).find(new Document("_id", id)).first();
    }

    protected MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    protected JsonNode figures(String regions) {
        Response response = http.get("/internal/figures?regions=" + regions, "Authorization", GUANGZHOU_READ_ONLY);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().path("figures");
    }

    public static JsonNode assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(response.text()).doesNotContain("Exception", "\tat ");
        return problem;
    }

    public static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    public static List<String> ids(Response page) {
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
