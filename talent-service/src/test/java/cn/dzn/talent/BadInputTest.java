package cn.dzn.talent;

import static cn.dzn.talent.Fixtures.created;
import static cn.dzn.talent.Fixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * Bad input on every endpoint of talent-service is a problem+json 4xx naming what is wrong,
 * never a 500 or a stack trace, and writes nothing: through the API, and record by record
 * through sync.
 */
class BadInputTest extends TalentTestBase {

    static final String CITY = writer("440100");
    static final Map<String, String> COLLECTIONS = Map.of("/api/talent-bases", "talent_bases",
            "/api/talent-bases/completions", "training_completions", "/api/talents", "professionals",
            "/api/brokers", "brokers", "/api/offshore-bases", "offshore_bases", "/api/commissioners",
            "commissioner_assignments");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        base: operator injection   | /api/talent-bases | {"name": "x", "hostOrganisation": "h", "regionCode": {"$gt": ""}, "batch": 1} | regionCode
        base: unknown module       | /api/talent-bases | {"name": "x", "hostOrganisation": "h", "regionCode": "440100", "batch": 1, "courses": [{"code": "A", "title": "t", "module": "MAGIC"}]} | courses[0].module
        base: injected course code | /api/talent-bases | {"name": "x", "hostOrganisation": "h", "regionCode": "440100", "batch": 1, "courses": [{"code": "$where", "title": "t", "module": "PUBLIC_KNOWLEDGE"}]} | courses[0].code
        base: repeated course code | /api/talent-bases | {"name": "x", "hostOrganisation": "h", "regionCode": "440100", "batch": 1, "courses": [{"code": "A", "title": "t", "module": "PUBLIC_KNOWLEDGE"}, {"code": "A", "title": "u", "module": "POLICY_AND_LAW"}]} | courses[1]
        base: batch out of range   | /api/talent-bases | {"name": "x", "hostOrganisation": "h", "regionCode": "440100", "batch": 0} | batch
        base: unknown field        | /api/talent-bases | {"name": "x", "hostOrganisation": "h", "regionCode": "440100", "batch": 1, "owner": "me"} | owner
        base: number as name       | /api/talent-bases | {"name": 5, "hostOrganisation": "h", "regionCode": "440100", "batch": 1} | name
        completion: not a talent id | /api/talent-bases/completions | {"baseId": "b1", "talentId": "someone", "regionCode": "440100", "courses": [{"code": "A", "completedOn": "2025-01-01"}]} | talentId
        completion: future date    | /api/talent-bases/completions | {"baseId": "b1", "talentId": "440100.a", "regionCode": "440100", "courses": [{"code": "A", "completedOn": "2999-01-01"}]} | courses[0].completedOn
        completion: no course      | /api/talent-bases/completions | {"baseId": "b1", "talentId": "440100.a", "regionCode": "440100", "courses": []} | courses
        talent: ref with a slash   | /api/talents | {"ref": "a/b", "regionCode": "440100", "role": "BROKER", "employer": "e", "level": "JUNIOR", "status": "ACTIVE"} | ref
        talent: unknown level      | /api/talents | {"ref": "a", "regionCode": "440100", "role": "BROKER", "employer": "e", "level": "EXPERT", "status": "ACTIVE"} | level
        talent: short contract     | /api/talents | {"ref": "a", "regionCode": "440100", "role": "BROKER", "employer": "e", "level": "JUNIOR", "status": "ACTIVE", "deals": [{"contractNumber": "12345", "closedOn": "2025-01-01"}]} | deals[0].contractNumber
        talent: contract twice     | /api/talents | {"ref": "a", "regionCode": "440100", "role": "BROKER", "employer": "e", "level": "JUNIOR", "status": "ACTIVE", "deals": [{"contractNumber": "4401002025000001", "closedOn": "2025-01-01"}, {"contractNumber": "4401002025000001", "closedOn": "2025-02-01"}]} | deals[1]
        talent: phone of letters   | /api/talents | {"ref": "a", "regionCode": "440100", "role": "BROKER", "employer": "e", "level": "JUNIOR", "status": "ACTIVE", "personal": {"name": "n", "phone": "call me"}} | personal.phone
        talent: an ID number       | /api/talents | {"ref": "a", "regionCode": "440100", "role": "BROKER", "employer": "e", "level": "JUNIOR", "status": "ACTIVE", "personal": {"name": "n", "idNumber": "440100199001011234"}} | personal.idNumber
        talent: employer too long  | /api/talents | {"ref": "a", "regionCode": "440100", "role": "BROKER", "employer": "{{201}}", "level": "JUNIOR", "status": "ACTIVE"} | employer
        broker: share over 100     | /api/brokers | {"talentId": "440100.a", "regionCode": "440100", "institution": {"name": "i", "kind": "IP"}, "admittedOn": "2024-01-01", "status": "ACTIVE", "agreements": [{"university": "u", "scope": "s", "shareMethod": "m", "sharePercent": 150, "from": "2024-01-01", "to": "2025-01-01"}]} | agreements[0].sharePercent
        broker: term backwards     | /api/brokers | {"talentId": "440100.a", "regionCode": "440100", "institution": {"name": "i", "kind": "IP"}, "admittedOn": "2024-01-01", "status": "ACTIVE", "agreements": [{"university": "u", "scope": "s", "shareMethod": "m", "sharePercent": 10, "from": "2024-01-01", "to": "2023-01-01"}]} | agreements[0].to
        broker: unknown institution | /api/brokers | {"talentId": "440100.a", "regionCode": "440100", "institution": {"name": "i", "kind": "BANK"}, "admittedOn": "2024-01-01", "status": "ACTIVE"} | institution.kind
        broker: huge score         | /api/brokers | {"talentId": "440100.a", "regionCode": "440100", "institution": {"name": "i", "kind": "IP"}, "admittedOn": "2024-01-01", "status": "ACTIVE", "evaluations": [{"period": "2024", "points": {"contracts": 1}, "score": 1e309, "belowThreshold": true}]} | evaluations[0].score
        broker: injected indicator | /api/brokers | {"talentId": "440100.a", "regionCode": "440100", "institution": {"name": "i", "kind": "IP"}, "admittedOn": "2024-01-01", "status": "ACTIVE", "evaluations": [{"period": "2024", "points": {"$gt": 1}, "score": 1, "belowThreshold": true}]} | evaluations[0].points
        offshore: not a country    | /api/offshore-bases | {"name": "x", "operator": "o", "regionCode": "440100", "type": "WORK_BASE", "overseasCentres": [{"name": "c", "country": "usa"}]} | overseasCentres[0].country
        offshore: unknown type     | /api/offshore-bases | {"name": "x", "operator": "o", "regionCode": "440100", "type": "CASTLE"} | type
        commissioner: credit code  | /api/commissioners | {"kind": "COMMISSIONER", "personRef": "p", "regionCode": "440100", "enterprise": {"name": "e", "creditCode": "123"}, "from": "2025-01-01", "to": "2025-02-01", "services": ["SERVICE"], "outcome": {"status": "ONGOING"}} | enterprise.creditCode
        commissioner: no service   | /api/commissioners | {"kind": "COMMISSIONER", "personRef": "p", "regionCode": "440100", "enterprise": {"name": "e"}, "from": "2025-01-01", "to": "2025-02-01", "services": [], "outcome": {"status": "ONGOING"}} | services
        commissioner: unknown service | /api/commissioners | {"kind": "COMMISSIONER", "personRef": "p", "regionCode": "440100", "enterprise": {"name": "e"}, "from": "2025-01-01", "to": "2025-02-01", "services": ["MAGIC"], "outcome": {"status": "ONGOING"}} | services[0]
        """)
    void badRecordsAreRefusedThroughTheApiAndSyncAndWriteNothing(String what, String path, String body, String field) {
        String sent = body.replace("{{201}}", "x".repeat(201));
        long before = stored(COLLECTIONS.get(path));

        Response created = http().post(path, sent, "Authorization", CITY);
        Response synced = http().post(path + "/sync", "{\"records\": [{\"id\": \"bad-" + scope + "\", \"data\": " + sent + "}]}",
                "Authorization", CITY, "Idempotency-Key", UUID.randomUUID().toString());

        assertThat(created.status()).as(what + ": " + created.text()).isEqualTo(400);
        assertProblem(created, what);
        // A map key's constraint is named after the map: "points<K>[$gt]".
        assertThat(created.json().path("errors")).extracting(error -> error.path("field").asString())
                .anyMatch(named -> named.equals(field) || named.startsWith(field + "<"));
        JsonNode result = synced.json().path("results").get(0);
        assertThat(result.path("outcome").asString()).as(what).isEqualTo("rejected");
        assertThat(result.path("errors")).extracting(error -> error.path("field").asString())
                .anyMatch(named -> named.equals("data." + field) || named.startsWith("data." + field + "<"));
        assertThat(synced.text()).doesNotContain("Exception", "cn.dzn", "java.");
        assertThat(stored(COLLECTIONS.get(path))).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        malformed JSON         | /api/talents
        not an object          | /api/brokers
        malformed completion   | /api/talent-bases/completions
        malformed offshore base | /api/offshore-bases
        malformed assignment   | /api/commissioners
        malformed base         | /api/talent-bases
        """)
    void malformedBodiesAre400ProblemsEverywhere(String what, String path) {
        long before = stored(COLLECTIONS.get(path));
        Response response = http().post(path, what.startsWith("not") ? "[1, 2]" : "{\"name\": ", "Authorization", CITY);
        assertThat(response.status()).as(what).isEqualTo(400);
        assertProblem(response, what);
        assertThat(stored(COLLECTIONS.get(path))).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        points out of range    | evaluate | {"period": "2025", "points": {"contracts": 101}}     | points
        points as a string     | evaluate | {"period": "2025", "points": {"contracts": "80"}}   | points
        injected indicator     | evaluate | {"period": "2025", "points": {"$gt": 1}}            | points
        no such quarter        | evaluate | {"period": "2025Q5", "points": {"contracts": 80}}   | period
        unknown field          | evaluate | {"period": "2025", "points": {"contracts": 80}, "score": 99} | score
        blank reason           | withdraw | {"reason": " "}                                      | reason
        reason too long        | withdraw | {"reason": "{{2001}}"}                               | reason
        reason as a number     | withdraw | {"reason": 7}                                        | reason
        """)
    void badTransitionBodiesAre400AndChangeNothing(String what, String transition, String body, String field) {
        String id = admittedBroker();
        Response response = http().post("/api/brokers/" + id + "/" + transition, body.replace("{{2001}}",
                "x".repeat(2001)), "Authorization", CITY, "If-Match", "\"1\"");

        assertThat(response.status()).as(what + ": " + response.text()).isEqualTo(400);
        assertProblem(response, what);
        assertThat(response.text()).contains(field);
        assertThat(http().get("/api/brokers/" + id, "Authorization", CITY).json().path("version").asLong()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown level filter   | /api/talents?level=EXPERT
        unknown status filter  | /api/brokers?status=RETIRED
        unknown type filter    | /api/offshore-bases?type=CASTLE
        unknown outcome filter | /api/commissioners?outcome=MAYBE
        page of none           | /api/talent-bases?limit=0
        page too large         | /api/talent-bases/completions?limit=501
        not a cursor           | /api/talents/changes?since=!!
        not a region           | /api/talents/progress?region=999999
        a short region         | /api/talents/progress?region=4401
        injected region        | /api/talents/progress?region=%7B%22%24gt%22%3A%22%22%7D
        """)
    void badQueriesAre400Problems(String what, String path) {
        Response response = http().get(path, "Authorization", CITY);
        assertThat(response.status()).as(what + ": " + response.text()).isEqualTo(400);
        assertProblem(response, what);
    }

    /** Permission before validation: a read-only client learns nothing from a body it may not send. */
    @Test
    void aReadOnlyClientIsRefusedBeforeItsBodyIsRead() {
        String id = admittedBroker();
        String readOnly = Fixtures.reader("440100");
        String garbage = "{\"points\": {\"$gt\": 1}, \"period\": 5}";

        for (String path : COLLECTIONS.keySet()) {
            Response refused = http().post(path, garbage, "Authorization", readOnly);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.text()).doesNotContain("period", "points");
        }
        Response evaluate = http().post("/api/brokers/" + id + "/evaluate", garbage, "Authorization", readOnly,
                "If-Match", "\"1\"");
        assertThat(evaluate.status()).isEqualTo(403);
        assertThat(evaluate.text()).doesNotContain("period", "points");
    }

    private String admittedBroker() {
        created(http().post("/api/talents", TestHttp.json(Fixtures.professional("440100", "bad-" + scope, "BROKER")),
                "Authorization", CITY));
        return created(http().post("/api/brokers", TestHttp.json(Fixtures.broker("440100.bad-" + scope, "440100")),
                "Authorization", CITY));
    }

    private static void assertProblem(Response response, String what) {
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.text()).as(what).doesNotContain("Exception", "\tat ", "cn.dzn");
    }
}
