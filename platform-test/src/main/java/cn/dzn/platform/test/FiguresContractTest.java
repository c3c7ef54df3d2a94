package cn.dzn.platform.test;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.InternalTokenProperties;
import cn.dzn.platform.identity.InternalTokens;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;
import tools.jackson.databind.JsonNode;

/**
 * The contract every figures service keeps (docs/decisions.md): {@code GET /internal/figures?regions=...}
 * needs an internal token, names the service, counts the records whose region lies inside any of
 * the given regions (each once), answers bad region lists with a 400 problem; the service loads
 * its sample records, reports ready and leaves the endpoint out of its OpenAPI document.
 *
 * <p>A service's test extends this with its own record type and says only what is its own: its
 * name, its collection, the figure that counts every record, how to make a record, and what a
 * sample record must hold. Figures beyond the primary one are tested in the subclass, with
 * {@link #directCount(Predicate, String...)} and {@link #figures(String)}.
 *
 * @param <R> the service's record type, as stored in {@link #collectionName()}
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dzn.sample-data.enabled=true")
public abstract class FiguresContractTest<R> {

    /** A reader bound to Guangzhou: figures are aggregates, so its own region does not limit them. */
    protected static final String READER = TestCallers.bearer("440100", Role.READ);

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoDatabase database;

    protected TestHttp http;

    /** The {@code service} the figures answer names, e.g. {@code "fund"}. */
    protected abstract String serviceName();

    /** The collection holding the service's records, e.g. {@code "funds"}. */
    protected abstract String collectionName();

    /** The record type stored in {@link #collectionName()}. */
    protected abstract Class<R> recordType();

    /** The figure that counts every record of the collection, e.g. {@code "funds"}. */
    protected abstract String primaryFigure();

    /** A new record, not yet stored, belonging to {@code regionCode}; a fresh id each call. */
    protected abstract R recordIn(String regionCode);

    /** Asserts what every sample record of the service holds (read back as a record). */
    protected abstract void assertSample(R sample);

    @BeforeEach
    void connect() {
        http = TestHttp.localhost(port);
    }

    @Test
    void figuresWithoutATokenAre401Problems() {
        TestHttp.Response response = http.get("/internal/figures?regions=440100");

        assertThat(response.status()).isEqualTo(401);
        assertProblem(response, 401);
    }

    /**
     * The secret the code once fell back to when DZN_INTERNAL_TOKEN_SECRET was unset: anybody
     * who read the source could sign a national administrator with it (issue 14, finding 1).
     */
    @Test
    void aTokenSignedWithTheFormerDevelopmentSecretIsRefused() {
        InternalTokens formerDefault = new InternalTokens(new InternalTokenProperties(
                "dzn-dev-internal-token-secret-change-me-0123456789", null, null));
        String forged = "Bearer " + formerDefault.issue(new Caller("forged", RegionCode.NATIONAL,
                EnumSet.allOf(Role.class)), Instant.now()).token();

        assertProblem(http.get("/internal/figures?regions=440100", "Authorization", forged), 401);
        assertThat(http.get("/internal/figures?regions=440100", "Authorization", READER).status()).isEqualTo(200);
    }

    /** The gateway routes whole prefixes here, so unknown paths must answer like everything else. */
    @Test
    void anUnknownPathIsATypedNotFoundProblem() {
        TestHttp.Response response = http.get("/api/no-such-resource", "Authorization", READER);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("https://dzn.example.cn/problems/not-found");
        assertThat(response.json().path("detail").asString()).isEqualTo("nothing is served at this path");
    }

    @Test
    void figuresCountRecordsInsideAnyOfTheRegions() {
        long expected = directCount("440100", "440300");
        assertThat(expected).as("sample " + collectionName() + " in Guangzhou and Shenzhen").isPositive();
        assertThat(directCount("000000")).as("sample " + collectionName() + " elsewhere, to be left out")
                .isGreaterThan(expected);

        JsonNode answer = figures("440100,440300");
        assertThat(answer.path("service").asString()).isEqualTo(serviceName());
        assertThat(answer.path("figures").path(primaryFigure()).asLong()).isEqualTo(expected);

        insertRecordIn("440106"); // 天河区, inside Guangzhou
        insertRecordIn("510100"); // Chengdu, outside both
        assertThat(primaryCount("440100,440300")).isEqualTo(expected + 1);
        assertThat(directCount("440100", "440300")).isEqualTo(expected + 1);
    }

    @Test
    void overlappingAndNationalRegionsCountEachRecordOnce() {
        assertThat(primaryCount("440000,440100,440100")).isEqualTo(directCount("440000"));
        assertThat(primaryCount("440000,440300,440300")).isEqualTo(directCount("440000"));
        assertThat(primaryCount("000000")).isEqualTo(database.getCollection(collectionName())
                .countDocuments(new Document("deleted", new Document("$ne", true))));
    }

    /** The caller's trace continues here: zone-service → Feign → this service, one trace id. */
    @Test
    void aProblemCarriesTheTraceIdTheCallerSent() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        TestHttp.Response response = http.get("/internal/figures?regions=999999", "Authorization", READER,
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("traceId").asString()).isEqualTo(traceId);
    }

    @Test
    void anInvalidRegionIsA400ProblemNamingIt() {
        TestHttp.Response response = http.get("/internal/figures?regions=440100,999999", "Authorization", READER);

        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("detail").asString()).contains("'999999' is not a region code");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("regions");
    }

    @Test
    void missingEmptyOrTooManyRegionsAre400Problems() {
        List<String> tooMany = new ArrayList<>(Collections.nCopies(51, "440100"));
        for (String query : List.of("", "?regions=", "?regions=440100,", "?regions=" + String.join(",", tooMany))) {
            TestHttp.Response response = http.get("/internal/figures" + query, "Authorization", READER);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertProblem(response, 400);
        }
        assertThat(http.get("/internal/figures?regions=" + String.join(",", tooMany.subList(0, 50)),
                "Authorization", READER).status()).isEqualTo(200);
    }

    @Test
    void sampleRecordsReadAsRecordsAndSayTheyAreSamples() {
        List<R> samples = records().find(eq("sample", true)).into(new ArrayList<>());
        assertThat(samples).isNotEmpty().allSatisfy(this::assertSample);
    }

    @Test
    void readinessIsUp() {
        TestHttp.Response response = http.get("/actuator/health/readiness");
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).path("status").asString()).isEqualTo("UP");
    }

    /** Issue 14: service-to-service endpoints are not part of the API the gateway documents. */
    @Test
    void theFiguresAreLeftOutOfTheServicesDocument() {
        TestHttp.Response response = http.get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode document = json(response);
        assertThat(document.path("paths").has("/internal/figures")).isFalse();
        assertThat(document.path("paths").properties()).isNotEmpty();
        assertThat(document.path("components").path("securitySchemes").has("apiKey")).isTrue();
    }

    protected final MongoCollection<R> records() {
        return database.getCollection(collectionName(), recordType());
    }

    protected final void insertRecordIn(String regionCode) {
        records().insertOne(recordIn(regionCode));
    }

    /** Counted in Java over every stored document, independently of the service's filter. */
    protected final long directCount(String... regions) {
        return directCount(document -> true, regions);
    }

    /** As {@link #directCount(String...)}, counting only the documents {@code which} accepts. */
    protected final long directCount(Predicate<Document> which, String... regions) {
        List<RegionCode> codes = Arrays.stream(regions).map(RegionCode::of).toList();
        long count = 0;
        for (Document doc : database.getCollection(collectionName()).find()) {
            String code = doc.getString("regionCode");
            // A tombstone is not a record: the figures count live records only.
            if (!Boolean.TRUE.equals(doc.getBoolean("deleted")) && which.test(doc)
                    && codes.stream().anyMatch(region -> region.contains(code))) {
                count++;
            }
        }
        return count;
    }

    /** The figures answer for {@code regions} (comma-separated), asserted to be a 200. */
    protected final JsonNode figures(String regions) {
        TestHttp.Response response = http.get("/internal/figures?regions="
                + URLEncoder.encode(regions, StandardCharsets.UTF_8), "Authorization", READER);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return json(response);
    }

    private long primaryCount(String regions) {
        return figures(regions).path("figures").path(primaryFigure()).asLong();
    }

    private static JsonNode assertProblem(TestHttp.Response response, int status) {
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(response.text()).doesNotContain("Exception", "\tat ");
        return problem;
    }

    private static JsonNode json(TestHttp.Response response) {
        assertThat(response.json()).as("a JSON body: %s", response.text()).isNotNull();
        return response.json();
    }
}
