package cn.dzn.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5's authorisation matrix: every kind of caller × every operation, against the real suite
 * through the gateway, one dynamic test per cell.
 *
 * <p>The matrix has its own suite rather than sharing SuiteEndToEndTest's: that test counts the
 * sample zones exactly, runs the API walkthrough "against a freshly started suite" and kills and
 * restarts the store and the suite, so sharing would make both depend on class order.
 *
 * <p>Cells never depend on each other: a cell that changes something works on its own fixture,
 * named after the caller ({@code {who}} in paths and bodies), so any cell can run alone.
 */
class AuthorisationMatrixTest {

    /** The callers, in the order a row's cells are written and run. */
    enum Who {
        ANONYMOUS(null, null), BAD_KEY(null, null), CITY_READ_ONLY("440100", List.of("READ")),
        // An incubator is an API client bound to its district (docs/decisions.md).
        INCUBATOR("440106", List.of("READ", "WRITE")), CITY("440100", List.of("READ", "WRITE")),
        PROVINCE("440000", List.of("READ", "WRITE")), NATIONAL("000000", List.of("ADMIN")),
        // An incubator's own key (issue 17): the key approval gave incubator {own} of 天河 (440106),
        // which the gateway binds to that record. Last, so the other columns read as before.
        OWN_KEY("440106", List.of("READ", "WRITE"));

        final String region;
        final List<String> roles;

        Who(String region, List<String> roles) {
            this.region = region;
            this.roles = roles;
        }

        String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One operation and its expected answer for each caller, in {@link Who} order: a status, or
     * for a sync the per-record outcomes of its 200 (c created, u updated, r rejected). Every 4xx
     * must be problem+json.
     */
    record Row(String group, String method, String path, String body, String expected, String probe,
            boolean ifMatch, String reaches, boolean scoped) {

        /** A refused cell must leave what the national admin reads at this path as it was. */
        Row probe(String path) {
            return new Row(group, method, this.path, body, expected, path, ifMatch, reaches, scoped);
        }

        /** Sends If-Match with the version the path shows now, and probes it like {@link #probe}. */
        Row ifMatch(String path) {
            return new Row(group, method, this.path, body, expected, path, true, reaches, scoped);
        }

        /** A 401 cell must not reach this service at all; every other cell must reach it. */
        Row reaches(String service) {
            return new Row(group, method, path, body, expected, probe, ifMatch, service, scoped);
        }

        /** The answer lists zones: exactly those in the caller's region or with a member city in it. */
        Row listsZonesInView() {
            return new Row(group, method, path, body, expected, probe, ifMatch, reaches, true);
        }
    }

    static Row row(String group, String method, String path, String body, String expected) {
        return new Row(group, method, path, body, expected, null, false, null, false);
    }

    /** The incubator whose own key is {@link Who#OWN_KEY}, registered and approved in the set-up. */
    static final String OWN_NAME = "矩阵自有孵化器";
    static String ownIncubator;

    static final Map<String, Character> OUTCOMES = Map.of("created", 'c', "updated", 'u', "deleted", 'd',
            "unchanged", 'n', "conflict", 'x', "rejected", 'r');

    static List<Row> matrix() {
        String gz = zone("广州{who}", "440100", "440100");
        String prd = zone("珠三角{who}", "440000", "440100", "440300");
        String report = "mx-prd-{who}.440100.2025Q2";
        return List.of(
                // Cells: anonymous, bad key, read-only city, incubator (district), city, province, national,
                // and an incubator's own key: refused (403) by the gateway anywhere but /api/incubators/**,
                // before any service is reached.
                // The gateway's own: who a caller is (the dashboard asks once after sign-in), and the
                // dashboard's page and settings (issue 19): public, an incubator's own key included,
                // but a wrong key is refused wherever it is presented, never ignored.
                row("session", "GET", "/api/session", null,                               "401 401 200 200 200 200 200 403"),
                row("dashboard", "GET", "/dashboard/", null,                              "200 401 200 200 200 200 200 200"),
                row("dashboard", "GET", "/dashboard/config.json", null,                   "200 401 200 200 200 200 200 200"),
                row("zone read", "GET", "/api/zones/mx-gz-national", null,                "401 401 200 404 200 200 200 403"),
                row("zone read", "GET", "/api/zones/mx-tianhe", null,                     "401 401 200 200 200 200 200 403"),
                // A city sees the province's zone it is a member city of; its districts do not.
                row("zone read", "GET", "/api/zones/zone-guangdong-prd", null,            "401 401 200 404 200 200 200 403"),
                // Out of scope is 404, not 403: a zone outside the caller's view does not exist for it.
                row("zone read", "GET", "/api/zones/zone-jiangsu-sunan", null,            "401 401 404 404 404 404 200 403"),
                row("zone read", "GET", "/api/zones/zone-jiangsu-sunan/overview", null,   "401 401 404 404 404 404 200 403"),
                row("zone read", "GET", "/api/zones?limit=500", null,                     "401 401 200 200 200 200 200 403").listsZonesInView(),
                row("zone read", "GET", "/api/zones/changes?limit=500", null,             "401 401 200 200 200 200 200 403").listsZonesInView(),
                row("zone read", "GET", "/api/zones/audit", null,                         "401 401 403 403 403 403 200 403"),
                row("zone read", "GET", "/api/reports/mx-prd-national.440300.2025Q2", null, "401 401 404 404 404 200 200 403"),
                row("zone read", "GET", "/api/reports/rollup?indicator=contract_turnover&period=2025Q2&region=440000",
                        null,                                                             "401 401 403 403 403 200 200 403"),

                row("zone write", "POST", "/api/zones", zone("天河新区", "440106", "440106"), "401 401 403 201 201 201 201 403")
                        .probe("/api/zones?limit=500"),
                row("zone write", "POST", "/api/zones", zone("广州新区", "440100", "440100"), "401 401 403 403 201 201 201 403")
                        .probe("/api/zones?limit=500"),
                row("zone write", "POST", "/api/zones", zone("苏州新区", "320500", "320500"), "401 401 403 403 403 403 201 403")
                        .probe("/api/zones?limit=500"),
                row("zone write", "PUT", "/api/zones/mx-gz-{who}", gz,                    "401 401 403 404 200 200 200 403")
                        .ifMatch("/api/zones/mx-gz-{who}"),
                // A member city reads the province's zone but may not change it.
                row("zone write", "PUT", "/api/zones/mx-prd-{who}", prd,                  "401 401 403 404 403 200 200 403")
                        .ifMatch("/api/zones/mx-prd-{who}"),
                row("zone write", "PUT", "/api/zones/mx-js-{who}", zone("苏南{who}", "320000", "320500"),
                                                                                          "401 401 404 404 404 404 200 403")
                        .ifMatch("/api/zones/mx-js-{who}"),
                row("zone write", "DELETE", "/api/zones/mx-del-{who}", null,              "401 401 403 404 204 204 204 403")
                        .ifMatch("/api/zones/mx-del-{who}"),
                // The incubator cannot see mx-prd-*: 404, as for a zone that does not exist.
                row("zone write", "PUT", "/api/evaluation/2025/self/mx-prd-{who}", "{\"score\": 80}",
                                                                                          "401 401 403 404 403 200 200 403"),

                // Sync refuses record by record (200, "rejected"); only a read-only client is refused
                // the whole batch (403), as it is on POST and PUT.
                row("zone sync", "POST", "/api/zones/sync", records(
                        "{\"id\": \"mx-s-{who}-th\", \"data\": " + zone("天河", "440106", "440106") + "}",
                        "{\"id\": \"mx-s-{who}-gz\", \"data\": " + zone("广州", "440100", "440100") + "}",
                        "{\"id\": \"mx-s-{who}-js\", \"data\": " + zone("苏州", "320500", "320500") + "}"),
                                                                                          "401 401 403 crr ccr ccr ccc 403"),
                row("zone sync", "POST", "/api/zones/sync", records(
                        "{\"id\": \"mx-sgz-{who}\", \"version\": 1, \"data\": " + zone("广州改", "440100", "440100") + "}",
                        "{\"id\": \"mx-sjs-{who}\", \"version\": 1, \"data\": " + zone("苏南改", "320000", "320500") + "}"),
                                                                                          "401 401 403 rr ur ur uu 403"),
                // Naming a zone the caller cannot see: rejected, never taken over (the nation: a region never changes).
                row("zone sync", "POST", "/api/zones/sync", records(
                        "{\"id\": \"zone-jiangsu-sunan\", \"data\": " + zone("苏南", "440100", "440100") + "}"),
                                                                                          "401 401 403 r r r r 403"),

                // Only the tier above verifies: Guangdong for Guangzhou; for Shenzhen (计划单列市) the nation too.
                row("reports", "POST", "/api/reports/" + report + "/verify", null,        "401 401 403 404 403 200 403 403")
                        .ifMatch("/api/reports/" + report),
                row("reports", "POST", "/api/reports/mx-prd-{who}.440300.2025Q2/verify", null, "401 401 404 404 404 200 200 403")
                        .ifMatch("/api/reports/mx-prd-{who}.440300.2025Q2"),
                row("reports", "POST", "/api/reports/sync", records(
                        "{\"id\": \"mx-prd-{who}.440100.2025Q1\", \"version\": 1, \"data\": "
                                + report("{who}", "440100", "2025Q1", "VERIFIED") + "}",
                        "{\"id\": \"mx-prd-{who}.440100.2024Q4\", \"data\": "
                                + report("{who}", "440100", "2024Q4", "DRAFT") + "}"),
                                                                                          "401 401 403 rr rc uc rc 403"),

                // Published lists are read by everyone; only the zone's lead region publishes.
                row("lists", "PUT", "/api/lists/mx-prd-{who}.DEMAND.2025", "{\"zoneId\": \"mx-prd-{who}\", "
                        + "\"regionCode\": \"440000\", \"kind\": \"DEMAND\", \"period\": \"2025\", \"items\": "
                        + "[{\"industry\": \"生物医药\", \"description\": \"需求\", \"contactOrg\": \"广东\"}]}",
                                                                                          "401 401 403 403 403 200 200 403")
                        .probe("/api/lists/mx-prd-{who}.DEMAND.2025"),
                row("lists", "GET", "/api/lists/items", null,                             "401 401 200 200 200 200 200 403"),

                row("national only", "PUT", "/api/targets/440100.contract_turnover.2030", "{\"regionCode\": \"440100\", "
                        + "\"indicator\": \"contract_turnover\", \"year\": 2030, \"kind\": \"LEVEL\", \"value\": 1}",
                                                                                          "401 401 403 403 403 403 200 403")
                        .probe("/api/targets/440100.contract_turnover.2030"),
                row("national only", "PUT", "/api/indicators/contract_turnover", "{\"code\": \"contract_turnover\", "
                        + "\"name\": \"技术合同成交额\", \"unit\": \"万元\", \"aggregation\": \"SUM\", \"nonNegative\": true}",
                                                                                          "401 401 403 403 403 403 200 403")
                        .probe("/api/indicators/contract_turnover"),
                row("national only", "PUT", "/api/evaluation/2025Q2/scheme",
                        "{\"period\": \"2025Q2\", \"weights\": [{\"indicator\": \"contract_turnover\", \"weight\": 1}]}",
                                                                                          "401 401 403 403 403 403 200 403")
                        .probe("/api/evaluation/2025Q2/scheme"),
                row("national only", "POST", "/api/cases", "{\"zoneId\": \"zone-guangdong-prd\", \"year\": 2025, "
                        + "\"title\": \"矩阵\", \"summary\": \"案例\"}",                    "401 401 403 403 403 403 201 403")
                        .probe("/api/cases"),
                row("national only", "POST", "/api/clients", "{\"name\": \"矩阵\", \"regionCode\": \"440100\", "
                        + "\"roles\": [\"READ\"]}",                                       "401 401 403 403 403 403 201 403")
                        .probe("/api/clients?limit=500"),

                // The services' first resources (stubs on the resource kit); the rows grow with the
                // funds, talents and incubators issues.
                row("other services", "GET", "/api/funds", null,                          "401 401 200 200 200 200 200 403")
                        .reaches("fund-service"),
                // A voucher needs a body: read-only is refused before it is read, writers get 400.
                row("other services", "POST", "/api/vouchers", "{}",                      "401 401 403 400 400 400 400 403")
                        .reaches("fund-service"),

                // fund-service (issue 15), on its sample funds and ids nobody holds.
                row("funds", "GET", "/api/funds/sample-fund-440100-guidance", null,       "401 401 200 404 200 200 200 403"),
                row("funds", "GET", "/api/funds/sample-fund-440100-guidance/position", null,
                                                                                          "401 401 200 404 200 200 200 403"),
                row("funds", "GET", "/api/funds/sample-fund-440300-joint", null,          "401 401 404 404 404 200 200 403"),
                row("funds", "POST", "/api/funds", "{\"name\": \"矩阵基金{who}\", \"regionCode\": \"440100\", "
                        + "\"kind\": \"JOINT_FUND\"}",                                    "401 401 403 403 201 201 201 403")
                        .probe("/api/funds?limit=500"),
                row("funds", "POST", "/api/funds/contributions", "{}",                    "401 401 403 400 400 400 400 403"),
                // The money moves answer who before what: an id nobody holds is 404 to every writer.
                row("funds", "POST", "/api/funds/sub-funds/mx-none/establish", null,      "401 401 404 404 404 404 404 403"),
                row("funds", "POST", "/api/funds/sub-funds/mx-none/investments", "{\"subFundId\": \"mx-none\", "
                        + "\"regionCode\": \"440106\", \"enterprise\": \"矩阵\", \"zoneId\": \"zone-guangdong-prd\", "
                        + "\"stage\": \"SEED\", \"publiclyFundedResult\": true, \"amountWan\": 1}",
                                                                                          "401 401 403 404 404 404 404 403")
                        .reaches("fund-service"),
                row("funds", "GET", "/api/vouchers", null,                                "401 401 200 200 200 200 200 403"),
                row("funds", "POST", "/api/vouchers/mx-none/redemptions", "{\"provider\": \"矩阵\", "
                        + "\"providerRegion\": \"440106\", \"category\": \"TESTING\", \"reference\": \"mx-1\"}",
                                                                                          "401 401 403 404 404 404 404 403"),
                // Routed to fund-service once the gateway routes /api/voucher-agreements/** and /api/subsidies/**.
                row("funds", "GET", "/api/voucher-agreements", null,                      "401 401 200 200 200 200 200 403")
                        .reaches("fund-service"),
                row("funds", "POST", "/api/voucher-agreements", "{\"name\": \"矩阵互认{who}\", \"regionCode\": "
                        + "\"440000\", \"parties\": [\"440100\", \"440300\"], \"validFrom\": \"2025-01-01\", "
                        + "\"validUntil\": \"2030-12-31\"}",                               "401 401 403 403 403 201 201 403")
                        .probe("/api/voucher-agreements?limit=500"),
                row("funds", "GET", "/api/subsidies/rules", null,                         "401 401 200 200 200 200 200 403")
                        .reaches("fund-service"),
                row("funds", "GET", "/api/subsidies/applications", null,                  "401 401 200 200 200 200 200 403"),
                // Who before what: a region outside the caller's is 403 before the unknown rule is 400.
                row("funds", "POST", "/api/subsidies/applications", "{\"ruleId\": \"mx-none\", \"regionCode\": "
                        + "\"440100\", \"applicantCode\": \"914401010000000001\", \"applicantName\": \"矩阵\", "
                        + "\"year\": 2025}",                                                 "401 401 403 403 400 400 400 403")
                        .probe("/api/subsidies/applications?limit=500"),
                row("other services", "GET", "/api/talents", null,                        "401 401 200 200 200 200 200 403")
                        .reaches("talent-service"),
                row("other services", "GET", "/api/talent-bases", null,                   "401 401 200 200 200 200 200 403")
                        .reaches("talent-service"),

                // talent-service (issue 16), on its sample records: 440100.G0001 is a Guangzhou 技术经纪人
                // whose personal data only Guangzhou reads; a province or the nation sees the record
                // without it; progress toward the talent targets is an aggregate, read by everyone.
                row("talent", "GET", "/api/talents/440100.G0001", null,                   "401 401 200 404 200 200 200 403"),
                row("talent", "GET", "/api/talents/440300.S0001", null,                   "401 401 404 404 404 200 200 403"),
                row("talent", "GET", "/api/talents/440100.G0001/personal", null,          "401 401 200 404 200 403 403 403"),
                row("talent", "GET", "/api/talents/progress?region=440300", null,         "401 401 200 200 200 200 200 403"),
                row("talent", "GET", "/api/talents/changes?limit=500", null,              "401 401 200 200 200 200 200 403"),
                row("talent", "GET", "/api/talents/audit", null,                          "401 401 403 403 403 403 200 403"),
                row("talent", "POST", "/api/talents", "{\"ref\": \"mx-{who}\", \"regionCode\": \"440100\", "
                        + "\"role\": \"BROKER\", \"employer\": \"矩阵\", \"level\": \"JUNIOR\", \"status\": \"ACTIVE\"}",
                                                                                          "401 401 403 403 201 201 201 403")
                        .probe("/api/talents/440100.mx-{who}"),
                row("talent", "POST", "/api/talents/sync", records(talent("440106", "mxs-{who}"),
                        talent("440100", "mxs-{who}"), talent("320500", "mxs-{who}")),    "401 401 403 crr ccr ccr ccc 403"),
                // The sample has neither training nor deals: the level rules refuse whoever may write it.
                row("talent", "POST", "/api/talents/440100.G0001/promote", null,          "401 401 403 404 409 409 409 403")
                        .ifMatch("/api/talents/440100.G0001"),
                row("talent", "POST", "/api/talent-bases", "{\"name\": \"矩阵{who}\", \"hostOrganisation\": \"中心\", "
                        + "\"regionCode\": \"440100\", \"batch\": 1}",                          "401 401 403 403 201 201 201 403")
                        .probe("/api/talent-bases?limit=500"),
                row("talent", "POST", "/api/talent-bases/completions", "{\"baseId\": \"sample-talent-base-440100\", "
                        + "\"talentId\": \"440100.mx-{who}\", \"regionCode\": \"440100\", \"courses\": "
                        + "[{\"code\": \"PK-101\", \"completedOn\": \"2025-01-01\"}]}",     "401 401 403 403 201 201 201 403")
                        .probe("/api/talent-bases/completions?limit=500"),
                // Paths new with issue 16: the gateway must route /api/brokers, /api/offshore-bases and
                // /api/commissioners to talent-service.
                row("talent", "GET", "/api/brokers", null,                                "401 401 200 200 200 200 200 403")
                        .reaches("talent-service"),
                // Admission checks the professional after the region: a writer of the region hears 400.
                row("talent", "POST", "/api/brokers", broker("440100"),                  "401 401 403 403 400 400 400 403")
                        .probe("/api/brokers/440100.mx-none-{who}"),
                row("talent", "POST", "/api/brokers", broker("320500"),                  "401 401 403 403 403 403 400 403")
                        .probe("/api/brokers/320500.mx-none-{who}"),
                row("talent", "GET", "/api/brokers/audit", null,                          "401 401 403 403 403 403 200 403"),
                row("talent", "GET", "/api/offshore-bases", null,                         "401 401 200 200 200 200 200 403")
                        .reaches("talent-service"),
                row("talent", "POST", "/api/offshore-bases", "{\"name\": \"矩阵{who}\", \"operator\": \"科协\", "
                        + "\"regionCode\": \"440106\", \"type\": \"WORK_BASE\"}",              "401 401 403 201 201 201 201 403")
                        .probe("/api/offshore-bases?limit=500"),
                row("talent", "GET", "/api/commissioners", null,                          "401 401 200 200 200 200 200 403")
                        .reaches("talent-service"),
                row("talent", "POST", "/api/commissioners", "{\"kind\": \"COMMISSIONER\", \"personRef\": \"mx-{who}\", "
                        + "\"regionCode\": \"320500\", \"enterprise\": {\"name\": \"企业\"}, \"from\": \"2025-01-01\", "
                        + "\"to\": \"2025-06-30\", \"services\": [\"CONSULTING\"], \"outcome\": {\"status\": \"ONGOING\"}}",
                                                                                          "401 401 403 403 403 403 201 403")
                        .probe("/api/commissioners?limit=500"),

                row("other services", "POST", "/api/incubators", "{}",                    "401 401 403 400 400 400 400 403")
                        .reaches("incubator-service"),

                // Incubators (issue 17). A bureau reads and keeps its region's (sample data: 天河 440106,
                // Shenzhen 440300); a level is recognised by its tier or above, so a district makes none.
                // The INCUBATOR column is a district bureau's key; OWN_KEY is an incubator's own, which
                // sees no other incubator (404) and writes no tenant of another (403 outside its district,
                // 400 from the tenants' rules inside it: docs/decisions.md, "incubator-service (issue 17)").
                row("incubators", "GET", "/api/incubators/sample-incubator-440106", null, "401 401 200 200 200 200 200 404")
                        .reaches("incubator-service"),
                row("incubators", "GET", "/api/incubators/sample-incubator-440300-local", null,
                                                                                          "401 401 404 404 404 200 200 404"),
                row("incubators", "GET", "/api/incubators/sample-incubator-440106/assessment", null,
                                                                                          "401 401 200 200 200 200 200 404"),
                row("incubators", "GET", "/api/incubators/sample-incubator-440300-local/assessment", null,
                                                                                          "401 401 404 404 404 200 200 404"),
                row("incubators", "POST", "/api/incubators", "{\"name\": \"矩阵孵化器{who}\", \"regionCode\": \"440106\", "
                        + "\"kind\": \"INCUBATOR\", \"level\": \"MUNICIPAL\"}",         "401 401 403 400 201 201 201 403")
                        .probe("/api/incubators?limit=500"),
                row("incubators", "GET", "/api/incubators/targets/shenzhen-maker-spaces", null,
                                                                                          "401 401 200 200 200 200 200 403"),
                row("incubators", "GET", "/api/incubators/registrations?limit=500", null, "401 401 200 200 200 200 200 403"),
                // Tenants: written by the incubator's region, read per incubator, counted in view.
                row("incubators", "POST", "/api/incubators/tenants", "{\"incubatorId\": \"sample-incubator-440106\", "
                        + "\"regionCode\": \"440106\", \"firmName\": \"矩阵企业\", \"firmId\": \"MX-{who}\", "
                        + "\"status\": \"ADMITTED\", \"admittedOn\": \"2025-01-01\"}",        "401 401 403 201 201 201 201 400")
                        .probe("/api/incubators/sample-incubator-440106/tenants?limit=500"),
                row("incubators", "POST", "/api/incubators/tenants", "{\"incubatorId\": \"sample-incubator-440300-local\", "
                        + "\"regionCode\": \"440300\", \"firmName\": \"矩阵企业\", \"firmId\": \"MX-{who}\", "
                        + "\"status\": \"ADMITTED\", \"admittedOn\": \"2025-01-01\"}",        "401 401 403 403 403 201 201 403")
                        .probe("/api/incubators/sample-incubator-440300-local/tenants?limit=500"),
                row("incubators", "GET", "/api/incubators/sample-incubator-440300-local/tenants", null,
                                                                                          "401 401 404 404 404 200 200 404"),
                row("incubators", "GET", "/api/incubators/tenants/counts?region=440300", null,
                                                                                          "401 401 403 403 403 200 200 403"),
                // Pairings (seed 002 §28): kept by the overseas incubator's region; the sample Suzhou pair is PROPOSED.
                row("incubators", "GET", "/api/incubators/pairings?limit=500", null,      "401 401 200 200 200 200 200 200"),
                row("incubators", "POST", "/api/incubators/pairings/pb31547e79ee00db3d5ad604334ff4873/confirm",
                        "{\"on\": \"2025-01-01\"}",                                      "401 401 404 404 404 404 200 403")
                        .ifMatch("/api/incubators/pairings/pb31547e79ee00db3d5ad604334ff4873"),
                // An incubator's own key on its own incubator {own}, approved through the API by Guangzhou:
                // it keeps its record (figures only), tenants and pairings; its bureaus read and keep them too.
                row("own key", "GET", "/api/incubators/{own}", null,                      "401 401 200 200 200 200 200 200")
                        .reaches("incubator-service"),
                row("own key", "GET", "/api/incubators/{own}/assessment", null,           "401 401 200 200 200 200 200 200"),
                row("own key", "GET", "/api/incubators/{own}/tenants", null,              "401 401 200 200 200 200 200 200"),
                row("own key", "PUT", "/api/incubators/{own}", "{\"name\": \"" + OWN_NAME + "\", \"regionCode\": "
                        + "\"440106\", \"kind\": \"INCUBATOR\", \"areaSqm\": 3000, \"mentors\": 12}",
                                                                                          "401 401 403 200 200 200 200 200")
                        .ifMatch("/api/incubators/{own}"),
                row("own key", "POST", "/api/incubators/tenants", "{\"incubatorId\": \"{own}\", \"regionCode\": "
                        + "\"440106\", \"firmName\": \"矩阵在孵\", \"firmId\": \"MXO-{who}\", \"status\": \"ADMITTED\", "
                        + "\"admittedOn\": \"2025-01-01\"}",                                "401 401 403 201 201 201 201 201")
                        .probe("/api/incubators/{own}/tenants?limit=500"),
                // Its key, its registration and the review are the bureaus': never the applicant's own.
                row("own key", "GET", "/api/incubators/{own}/key", null,                  "401 401 403 200 200 200 200 403"),
                row("own key", "GET", "/api/incubators/registrations/{own}", null,        "401 401 200 200 200 200 200 403"),
                row("own key", "POST", "/api/incubators/registrations/{own}/approve", null, "401 401 403 403 409 409 409 403")
                        .ifMatch("/api/incubators/registrations/{own}"),
                // Not routed: service-to-service figures stay inside.
                row("other services", "GET", "/internal/figures?regions=440100", null,    "401 401 404 404 404 404 404 403"));
    }

    @TempDir
    static Path data;

    static Suite suite;
    static TestHttp gateway;
    static final Map<Who, String> keys = new EnumMap<>(Who.class);
    static final AtomicInteger idempotencyKeys = new AtomicInteger();

    @BeforeAll
    static void startTheSuiteWithAKeyPerCallerAndFixtures() throws IOException {
        suite = new Suite(new SuiteConfig(SuiteConfig.findHome(Path.of("")), data, SuiteEndToEndTest.freePort(),
                SuiteEndToEndTest.freePort(), freePorts(), SuiteEndToEndTest.freePort(), null, true,
                SuiteConfig.defaultJvmOptions())).start();
        gateway = TestHttp.localhost(suite.config().gatewayPort());
        keys.put(Who.BAD_KEY, "dzn-not-a-key-" + "0".repeat(32));
        keys.put(Who.NATIONAL, suite.secrets().adminKey());
        for (Who who : List.of(Who.CITY_READ_ONLY, Who.INCUBATOR, Who.CITY, Who.PROVINCE)) {
            Response created = admin("POST", "/api/clients", TestHttp.json(Map.of("name", "matrix " + who.slug(),
                    "regionCode", who.region, "roles", who.roles)));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            keys.put(who, created.json().get("apiKey").asString());
        }
        // An incubator's own key, as incubators get one: it registers itself without a key, the
        // city's bureau approves, and the approval's answer shows the key once.
        Approved own = registerAndApprove(OWN_NAME);
        ownIncubator = own.incubatorId();
        keys.put(Who.OWN_KEY, own.apiKey());
        // Fixtures a cell may change, one per caller: the national admin syncs them in.
        List<String> zones = new ArrayList<>(List.of(
                "{\"id\": \"mx-tianhe\", \"data\": " + zone("天河", "440106", "440106") + "}"));
        List<String> reports = new ArrayList<>();
        for (Who who : Who.values()) {
            String w = who.slug();
            zones.add("{\"id\": \"mx-gz-" + w + "\", \"data\": " + zone("广州" + w, "440100", "440100") + "}");
            zones.add("{\"id\": \"mx-del-" + w + "\", \"data\": " + zone("广州" + w, "440100", "440100") + "}");
            zones.add("{\"id\": \"mx-sgz-" + w + "\", \"data\": " + zone("广州" + w, "440100", "440100") + "}");
            zones.add("{\"id\": \"mx-prd-" + w + "\", \"data\": "
                    + zone("珠三角" + w, "440000", "440100", "440300") + "}");
            zones.add("{\"id\": \"mx-js-" + w + "\", \"data\": " + zone("苏南" + w, "320000", "320500") + "}");
            zones.add("{\"id\": \"mx-sjs-" + w + "\", \"data\": " + zone("苏南" + w, "320000", "320500") + "}");
            for (String part : List.of("440100.2025Q2", "440300.2025Q2", "440100.2025Q1")) {
                String[] city = part.split("\\.");
                reports.add("{\"id\": \"mx-prd-" + w + "." + part + "\", \"data\": "
                        + report(w, city[0], city[1], "SUBMITTED") + "}");
            }
        }
        // Zones first: a report names its zone.
        for (List<String> batch : List.of(zones, reports)) {
            String resource = batch == zones ? "zones" : "reports";
            Response synced = admin("POST", "/api/" + resource + "/sync", records(batch.toArray(String[]::new)),
                    "Idempotency-Key", "matrix-fixtures-" + resource);
            assertThat(synced.json().path("counts").path("created").asInt()).as(synced.text()).isEqualTo(batch.size());
        }
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyCallerOnEveryOperation() {
        return matrix().stream().map(row -> {
            String[] cells = row.expected().trim().split("\\s+");
            assertThat(cells).as("one cell per caller: " + row).hasSize(Who.values().length);
            return dynamicContainer(row.group() + ": " + row.method() + " " + row.path(), Arrays.stream(Who.values())
                    .map(who -> dynamicTest(who.slug() + " → " + cells[who.ordinal()],
                            () -> cell(row, who, cells[who.ordinal()]))));
        });
    }

    static void cell(Row row, Who who, String expected) {
        String path = row.path().replace("{who}", who.slug()).replace("{own}", ownIncubator);
        String body = row.body() == null ? null : row.body().replace("{who}", who.slug()).replace("{own}", ownIncubator);
        String probe = row.probe() == null ? null
                : row.probe().replace("{who}", who.slug()).replace("{own}", ownIncubator);
        boolean sync = path.endsWith("/sync");
        List<String> headers = new ArrayList<>();
        if (keys.get(who) != null) {
            headers.addAll(List.of("X-Api-Key", keys.get(who)));
        }
        if (sync) {
            headers.addAll(List.of("Idempotency-Key", "matrix-" + idempotencyKeys.incrementAndGet()));
        }
        if (row.ifMatch()) {
            headers.addAll(List.of("If-Match", admin("GET", probe, null).header("ETag")));
        }
        String before = probe == null ? null : snapshot(probe);
        Map<String, String> recordsBefore = new LinkedHashMap<>();
        if (sync) {
            String base = path.substring(0, path.length() - "/sync".length());
            TestHttp.parse(body).get("records").forEach(record -> recordsBefore.put(
                    base + "/" + record.get("id").asString(), snapshot(base + "/" + record.get("id").asString())));
        }
        long seenBefore = row.reaches() == null ? 0 : requestsSeenBy(row.reaches());

        Response response = gateway.send(row.method(), path, body, headers.toArray(String[]::new));

        boolean outcomes = !Character.isDigit(expected.charAt(0));
        String said = row.method() + " " + path + " as " + who.slug() + " answered " + response.text();
        assertThat(response.status()).as(said).isEqualTo(outcomes ? 200 : Integer.parseInt(expected));
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(said).startsWith("application/problem+json");
        }
        if (outcomes) {
            StringBuilder got = new StringBuilder();
            response.json().get("results")
                    .forEach(result -> got.append(OUTCOMES.get(result.get("outcome").asString())));
            assertThat(got.toString()).as(said).isEqualTo(expected);
        }
        // A rejected record, or any record of a refused batch, is left as it was (or still absent).
        List<String> records = new ArrayList<>(recordsBefore.keySet());
        for (int i = 0; i < records.size(); i++) {
            if (!outcomes || expected.charAt(i) == 'r') {
                assertThat(snapshot(records.get(i))).as(said).isEqualTo(recordsBefore.get(records.get(i)));
            }
        }
        if (probe != null && response.status() >= 400) {
            assertThat(snapshot(probe)).as("a refused request changes nothing: " + said).isEqualTo(before);
        }
        if (row.scoped() && response.status() == 200) {
            Set<String> inView = inRegion(zoneIds(admin("GET", path, null)), who);
            assertThat(zoneIds(response)).as(said).isNotEmpty().isEqualTo(inView);
        }
        if (row.reaches() != null) {
            // An incubator's own key is refused by the gateway itself outside incubator-service's paths.
            boolean refusedAtTheGateway = response.status() == 401
                    || who == Who.OWN_KEY && !path.startsWith("/api/incubators");
            assertReached(row.reaches(), seenBefore, !refusedAtTheGateway, path);
        }
        if (who == Who.OWN_KEY && path.startsWith("/api/") && !path.startsWith("/api/incubators")) {
            assertThat(response.json().path("type").asString()).as(said).endsWith("/incubator-key");
        }
    }

    /**
     * Revoking an incubator's own key, or its incubator closing, stops the key at once (issue 17),
     * end to end: incubator-service revokes it at the gateway, and refuses it itself once closed.
     */
    @Test
    void anIncubatorsOwnKeyStopsAtOnceWhenRevokedOrWhenItsIncubatorCloses() {
        Approved revoked = registerAndApprove("矩阵撤销孵化器");
        String own = "/api/incubators/" + revoked.incubatorId();
        assertThat(gateway.send("GET", own, null, "X-Api-Key", revoked.apiKey()).status()).isEqualTo(200);

        Response revocation = gateway.send("DELETE", own + "/key", null, "X-Api-Key", keys.get(Who.CITY));
        assertThat(revocation.status()).as(revocation.text()).isEqualTo(200);
        Response refused = gateway.send("GET", own, null, "X-Api-Key", revoked.apiKey());
        assertThat(refused.status()).as("revoked at the gateway: " + refused.text()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(clientOf(revoked.clientId()).path("revokedAt").isNull()).as("revoked in the gateway's clients")
                .isFalse();

        Approved closing = registerAndApprove("矩阵关闭孵化器");
        String other = "/api/incubators/" + closing.incubatorId();
        assertThat(gateway.send("GET", other, null, "X-Api-Key", closing.apiKey()).status()).isEqualTo(200);
        Response closed = gateway.send("POST", other + "/close", "{\"on\": \""
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1) + "\"}", "X-Api-Key", keys.get(Who.CITY),
                "If-Match", admin("GET", other, null).header("ETag"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        for (Response afterwards : List.of(gateway.send("GET", other, null, "X-Api-Key", closing.apiKey()),
                gateway.send("GET", other + "/tenants", null, "X-Api-Key", closing.apiKey()),
                gateway.send("POST", "/api/incubators/tenants", "{}", "X-Api-Key", closing.apiKey()))) {
            assertThat(afterwards.status()).as("closed: " + afterwards.text()).isEqualTo(403);
            assertThat(afterwards.json().path("detail").asString()).contains("closed");
        }
        // The matrix's own key is untouched by either.
        assertThat(gateway.send("GET", "/api/incubators/" + ownIncubator, null, "X-Api-Key", keys.get(Who.OWN_KEY))
                .status()).isEqualTo(200);
    }

    /** An incubator's own key and its incubator (the registration's id). */
    record Approved(String incubatorId, String clientId, String apiKey) {
    }

    /** Registers an incubator of 天河 (440106) without a key and has Guangzhou's bureau approve it. */
    static Approved registerAndApprove(String name) {
        Response submitted = gateway.send("POST", "/api/incubators/registrations", TestHttp.json(Map.of("name", name,
                "kind", "INCUBATOR", "regionCode", "440106", "contactEmail", "matrix@example.cn")));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        String id = submitted.json().get("id").asString();
        Response approved = gateway.send("POST", "/api/incubators/registrations/" + id + "/approve", null,
                "X-Api-Key", keys.get(Who.CITY), "If-Match", submitted.header("ETag"));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().path("keyProblem").isNull() || approved.json().path("keyProblem").isMissingNode())
                .as("the gateway issued the key: " + approved.text()).isTrue();
        JsonNode key = approved.json().get("key");
        assertThat(key.get("incubatorId").asString()).isEqualTo(id);
        assertThat(clientOf(key.get("clientId").asString()).path("incubatorId").asString()).isEqualTo(id);
        return new Approved(id, key.get("clientId").asString(), key.get("apiKey").asString());
    }

    /** The gateway's view of a client, as the national administrator lists it. */
    static JsonNode clientOf(String clientId) {
        Response clients = admin("GET", "/api/clients?limit=500", null);
        for (JsonNode client : clients.json().get("items")) {
            if (client.get("id").asString().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId + " in " + clients.text());
    }

    /**
     * A refused caller must not reach the service at all. Its request count is read from the
     * service's own metrics; an admin request sent after the refused one is awaited, so a refused
     * request that did get through would have been counted by then.
     */
    static void assertReached(String service, long before, boolean reached, String path) {
        if (!reached) {
            admin("GET", path, null);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> requestsSeenBy(service) >= before + 1);
        assertThat(requestsSeenBy(service)).as("%s must %sbe reached by %s", service, reached ? "" : "not ", path)
                .isEqualTo(before + 1);
    }

    /** Requests the service has answered, its own probes and metrics scrapes left out. */
    static long requestsSeenBy(String service) {
        String metrics = TestHttp.localhost(suite.managementPort(service)).get("/actuator/prometheus").text();
        return metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> !line.contains("uri=\"/actuator"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    static Set<String> zoneIds(Response response) {
        assertThat(response.json().get("items").size()).as("one page holds them all").isLessThan(500);
        Set<String> ids = new TreeSet<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asString() + "@"
                + (item.has("record") ? item.get("record") : item).get("regionCode").asString()
                + (item.has("record") ? item.get("record") : item).get("memberCities")));
        return ids;
    }

    /** The zones of the national view that lie in the caller's region or have a member city in it. */
    static Set<String> inRegion(Set<String> all, Who who) {
        String code = who.region;
        String prefix = code.equals("000000") ? "" : code.endsWith("0000") ? code.substring(0, 2)
                : code.endsWith("00") ? code.substring(0, 4) : code;
        Set<String> visible = new TreeSet<>();
        for (String zone : all) {
            String regions = zone.substring(zone.indexOf('@') + 1);
            if (Arrays.stream(regions.split("[^0-9]+")).anyMatch(r -> !r.isEmpty() && r.startsWith(prefix))) {
                visible.add(zone);
            }
        }
        return visible;
    }

    /** What the national admin reads at {@code path}: status and body, minus what changes by itself. */
    static String snapshot(String path) {
        Response response = admin("GET", path, null);
        return response.status() + " " + response.text().replaceAll("\"(requestId|traceId|lastUsedAt)\":\"[^\"]*\"", "");
    }

    static Response admin(String method, String path, String body, String... more) {
        List<String> headers = new ArrayList<>(List.of("X-Api-Key", suite.secrets().adminKey()));
        headers.addAll(List.of(more));
        return gateway.send(method, path, body, headers.toArray(String[]::new));
    }

    static String zone(String name, String region, String... members) {
        return TestHttp.json(Map.of("name", name, "regionCode", region, "memberCities", List.of(members)));
    }

    static String report(String who, String city, String period, String status) {
        return "{\"zoneId\": \"mx-prd-" + who + "\", \"regionCode\": \"" + city + "\", \"period\": \"" + period
                + "\", \"status\": \"" + status + "\", \"values\": [{\"indicator\": \"contract_turnover\", "
                + "\"value\": 100, \"unit\": \"万元\"}]}";
    }

    /** A sync record of a new professional of {@code region}, ref {@code ref}. */
    static String talent(String region, String ref) {
        return "{\"id\": \"" + region + "." + ref + "\", \"data\": {\"ref\": \"" + ref + "\", \"regionCode\": \""
                + region + "\", \"role\": \"MANAGER\", \"employer\": \"矩阵\", \"level\": \"JUNIOR\", \"status\": \"ACTIVE\"}}";
    }

    /** Admits a professional who does not exist to the 科技伯乐 programme of {@code region}. */
    static String broker(String region) {
        return "{\"talentId\": \"" + region + ".mx-none-{who}\", \"regionCode\": \"" + region + "\", \"institution\": "
                + "{\"name\": \"中心\", \"kind\": \"TRANSFER\"}, \"admittedOn\": \"2025-01-01\", \"status\": \"ACTIVE\"}";
    }

    static String records(String... records) {
        return "{\"records\": [" + String.join(", ", records) + "]}";
    }

    static Map<String, Integer> freePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        SuiteConfig.SERVICES.forEach(service -> ports.put(service, SuiteEndToEndTest.freePort()));
        return ports;
    }
}
