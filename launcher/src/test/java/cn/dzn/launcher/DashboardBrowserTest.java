package cn.dzn.launcher;

import static cn.dzn.launcher.DashboardPage.SHOTS;
import static cn.dzn.launcher.DashboardPage.attribute;
import static cn.dzn.launcher.DashboardPage.awaitView;
import static cn.dzn.launcher.DashboardPage.browser;
import static cn.dzn.launcher.DashboardPage.chartLabels;
import static cn.dzn.launcher.DashboardPage.chartValues;
import static cn.dzn.launcher.DashboardPage.fullShot;
import static cn.dzn.launcher.DashboardPage.openWithKeyboard;
import static cn.dzn.launcher.DashboardPage.page;
import static cn.dzn.launcher.DashboardPage.rowKeys;
import static cn.dzn.launcher.DashboardPage.script;
import static cn.dzn.launcher.DashboardPage.shot;
import static cn.dzn.launcher.DashboardPage.signIn;
import static cn.dzn.launcher.DashboardPage.tableValues;
import static cn.dzn.launcher.DashboardPage.text;
import static cn.dzn.launcher.DashboardPage.until;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;


/**
 * Issue 19: the staff dashboard in headless Chromium against the whole suite, started as the
 * README starts it (its own suite, like the other classes here: see AuthorisationMatrixTest).
 * Sign-in refused and accepted, the national view's charts against the API's roll-up and ranking,
 * a city's scope, the zone view, the work queue's actions with If-Match (a stale one shows the
 * API's problem), a service taken away, a phone's screen. Screenshots of every view are kept in
 * target/screenshots/dashboard/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    static final String ZONE = "zone-guangdong-prd";

    @TempDir
    static Path data;
    @TempDir
    static Path profile;

    static Suite suite;
    static TestHttp gateway;
    static String adminKey;
    static String cityKey;
    static String provinceKey;
    static String shenzhenKey;
    static String registrationId;
    /** The two quarters before the current one: inside the dashboard's window whatever today is. */
    static String lastQuarter;
    static String quarterBefore;

    @BeforeAll
    static void startTheSuiteAndTheBrowser() throws IOException {
        Chromium.requireInstalled(SuiteConfig.findHome(Path.of("")));
        suite = new Suite(config()).start();
        gateway = TestHttp.localhost(suite.config().gatewayPort());
        DashboardPage.page = "http://localhost:" + suite.config().gatewayPort() + "/dashboard/";
        adminKey = suite.secrets().adminKey();
        seed();
        Files.createDirectories(SHOTS);
        DashboardPage.browser = Chromium.start(profile);
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (suite != null) {
            suite.close();
        }
    }

    /** Guangzhou's reports verified by its province, Shenzhen's left submitted for the nation's queue. */
    static void seed() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        lastQuarter = quarter(today.minusMonths(3));
        quarterBefore = quarter(today.minusMonths(6));
        cityKey = key("广州市科技局", "440100");
        provinceKey = key("广东省科技厅", "440000");
        shenzhenKey = key("深圳市科技创新局", "440300");
        report(cityKey, "440100", quarterBefore, "1000", provinceKey);
        report(cityKey, "440100", lastQuarter, "1200.5", provinceKey);
        report(shenzhenKey, "440300", lastQuarter, "2000", null);
        report(shenzhenKey, "440300", quarterBefore, "1800", null);
        assertThat(gateway.put("/api/evaluation/" + lastQuarter + "/scheme", TestHttp.json(Map.of("period", lastQuarter,
                "weights", List.of(Map.of("indicator", "contract_turnover", "weight", 1)))), "X-Api-Key", adminKey)
                .status()).isEqualTo(200);
        Response registered = gateway.post("/api/incubators/registrations", TestHttp.json(Map.of("name", "天河区众创空间",
                "kind", "MAKER_SPACE", "regionCode", "440106", "contactEmail", "office@example.cn")));
        assertThat(registered.status()).as(registered.text()).isEqualTo(202);
        registrationId = registered.json().get("id").asString();
        // The overview gives each service 2 s: a service's first answers after a cold start on two
        // busy cores can take longer, which is the overview's business, not the page's.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(DashboardBrowserTest::everySectionAvailable);
    }

    static boolean everySectionAvailable() {
        List<Boolean> available = new ArrayList<>();
        api(cityKey, "/api/zones/" + ZONE + "/overview").get("sections")
                .forEach(section -> available.add(section.get("available").asBoolean()));
        return !available.isEmpty() && !available.contains(false);
    }

    static String key(String name, String region) {
        Response created = gateway.post("/api/clients", TestHttp.json(Map.of("name", name, "regionCode", region,
                "roles", List.of("READ", "WRITE"))), "X-Api-Key", adminKey);
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("apiKey").asString();
    }

    /** A draft, submitted; verified by {@code verifier} when one is named. */
    static void report(String key, String city, String period, String turnover, String verifier) {
        String id = ZONE + "." + city + "." + period;
        Response put = gateway.put("/api/reports/" + id, "{\"zoneId\":\"" + ZONE + "\",\"regionCode\":\"" + city
                + "\",\"period\":\"" + period + "\",\"status\":\"DRAFT\",\"values\":[{\"indicator\":\"contract_turnover\","
                + "\"value\":" + turnover + ",\"unit\":\"万元\"}]}", "X-Api-Key", key);
        assertThat(put.status()).as(put.text()).isIn(200, 201);
        assertThat(gateway.post("/api/reports/" + id + "/submit", null, "X-Api-Key", key, "If-Match", "\"1\"").status())
                .isEqualTo(200);
        if (verifier != null) {
            assertThat(gateway.post("/api/reports/" + id + "/verify", null, "X-Api-Key", verifier, "If-Match", "\"2\"")
                    .status()).isEqualTo(200);
        }
    }

    static String quarter(LocalDate day) {
        return day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    @Test
    @Order(1)
    void aWrongKeyIsRefusedAndKeptNowhere() throws IOException {
        browser.get(page);
        WebElement key = until(() -> browser.findElement(By.id("api-key")));
        assertThat(browser.findElement(By.cssSelector("label[for=api-key]")).getText()).isNotBlank();
        key.sendKeys("not-a-key-at-all", Keys.ENTER);
        String error = until(() -> text("#sign-in-error"), message -> !message.isBlank());
        assertThat(error).contains("401");
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        assertThat(script("return sessionStorage.getItem('dzn.credential')")).isNull();
        shot("01-sign-in-refused");
    }

    @Test
    @Order(2)
    void theAdminsNationalViewChartsTheApisRollUpAndRanking() throws IOException {
        signIn(adminKey);
        awaitView("national-body", 6);
        assertThat(browser.getCurrentUrl()).doesNotContain(adminKey);
        assertThat(script("return localStorage.length")).isEqualTo(0L);

        JsonNode rollup = api(adminKey, "/api/reports/rollup?indicator=contract_turnover&period=" + lastQuarter);
        assertThat(text("#chart-rollup-title")).contains(lastQuarter);
        assertThat(chartValues("chart-rollup")).isEqualTo(decimals(rollup.get("parts"), "value"));
        assertThat(tableValues("chart-rollup", 1)).isEqualTo(decimals(rollup.get("parts"), "value"));
        assertThat(rollup.get("value").decimalValue()).isEqualByComparingTo("1200.5");

        JsonNode ranking = api(adminKey, "/api/evaluation/" + lastQuarter + "/ranking");
        assertThat(text("#chart-ranking-title")).contains(lastQuarter);
        assertThat(chartValues("chart-ranking")).isEqualTo(decimals(ranking.get("rows"), "score"));
        assertThat(chartLabels("chart-ranking")).isEqualTo(strings(ranking.get("rows"), "name"));
        assertThat(chartLabels("chart-ranking").get(0)).contains("珠三角");

        assertThat(rowKeys("zones-table")).isEqualTo(zoneIds(adminKey));
        assertThat(rowKeys("pending-table")).containsExactly("440000");
        assertThat(tableValues("pending-table", 1)).containsExactly(new BigDecimal(2));
        assertThat(script("return [...document.querySelectorAll('canvas')].every(c => c.getAttribute('role') === 'img'"
                + " && c.getAttribute('aria-label'))")).isEqualTo(true);
        assertThat(script("return [...document.querySelectorAll('table')].every(t => t.querySelector('caption'))"))
                .isEqualTo(true);
        fullShot("02-national-admin");
    }

    @Test
    @Order(3)
    void theSwitchShowsThePageInEnglishAndBack() throws IOException {
        browser.findElement(By.id("lang")).click();
        until(() -> script("return document.documentElement.lang"), "en"::equals);
        awaitView("national-body", 6);
        assertThat(text("#national-title")).isEqualTo("National view");
        shot("03-national-english");
        browser.findElement(By.id("lang")).click();
        until(() -> script("return document.documentElement.lang"), "zh-CN"::equals);
        assertThat(text("#national-title")).isEqualTo("全国概览");
    }

    @Test
    @Order(4)
    void aCityKeySeesOnlyItsOwnZonesAndTargets() throws IOException {
        signIn(cityKey);
        awaitView("national-body", 6);
        Set<String> zones = zoneIds(cityKey);
        assertThat(rowKeys("zones-table")).isEqualTo(zones).contains(ZONE).doesNotContain("zone-jiangsu-sunan");
        assertThat(zones.size()).isLessThan(zoneIds(adminKey).size());
        // Progress toward the nation's and Shenzhen's targets is outside Guangzhou's view (403): not shown.
        assertThat(rowKeys("chart-targets")).isNotEmpty().allMatch(id -> id.startsWith("440100."));
        assertThat(text("#who")).contains("440100");
        fullShot("04-national-city");
    }

    @Test
    @Order(5)
    void theZoneViewShowsOverviewReportsListsAndAnnualReport() throws IOException {
        browser.get(page + "#zone/" + ZONE);
        awaitView("zone-body", 7);
        for (String section : List.of("funds", "talent", "incubators")) {
            assertThat(attribute("[data-section=" + section + "]", "data-available")).as(text("#zone-body"))
                    .isEqualTo("true");
        }
        Set<String> reports = new TreeSet<>();
        api(cityKey, "/api/reports?zoneId=" + ZONE + "&limit=500").get("items").forEach(r -> reports.add(r.get("id").asString()));
        assertThat(rowKeys("zone-reports")).isEqualTo(reports).hasSize(2);
        for (String card : List.of("reports", "demand", "scenario", "annual")) {
            assertThat(browser.findElements(By.cssSelector("#zone-body [data-card=" + card + "]"))).as(card).hasSize(1);
        }
        assertThat(browser.findElements(By.cssSelector("#zone-body .error"))).isEmpty();
        fullShot("05-zone-city");
    }

    @Test
    @Order(6)
    void theCityApprovesARegistrationFromItsQueue() throws IOException {
        openWithKeyboard("queue");
        WebElement row = until(() -> browser.findElement(By.cssSelector("#queue-registrations tr[data-key='" + registrationId + "']")));
        row.findElement(By.cssSelector("button[data-action=approve]")).click();
        until(() -> attribute("#queue-registrations tr[data-key='" + registrationId + "'] .status-cell", "data-status"),
                "APPROVED"::equals);
        assertThat(text("#queue-answer")).contains(registrationId);
        assertThat(api(cityKey, "/api/incubators/registrations/" + registrationId).get("status").asString())
                .isEqualTo("APPROVED");
        fullShot("06-queue-city-approved");
    }

    @Test
    @Order(7)
    void theNationVerifiesShenzhensReportFromItsQueueAndAStaleVersionShowsTheProblem() throws IOException {
        signIn(adminKey);
        browser.get(page + "#queue");
        String fresh = ZONE + ".440300." + lastQuarter;
        String stale = ZONE + ".440300." + quarterBefore;
        until(() -> browser.findElement(By.cssSelector("#queue-verify tr[data-key='" + stale + "']")));
        // Meanwhile the province returns the other report and Shenzhen submits it again: it waits
        // for verification as before, but the version the page shows (2) is stale now (4).
        assertThat(gateway.post("/api/reports/" + stale + "/return", "{\"reason\":\"数据有误\"}", "X-Api-Key", provinceKey,
                "If-Match", "\"2\"").status()).isEqualTo(200);
        assertThat(gateway.post("/api/reports/" + stale + "/submit", null, "X-Api-Key", shenzhenKey, "If-Match", "\"3\"")
                .status()).isEqualTo(200);

        browser.findElement(By.cssSelector("#queue-verify tr[data-key='" + fresh + "'] button[data-action=verify]")).click();
        until(() -> attribute("#queue-verify tr[data-key='" + fresh + "'] .status-cell", "data-status"), "VERIFIED"::equals);
        assertThat(api(adminKey, "/api/reports/" + fresh).get("status").asString()).isEqualTo("VERIFIED");
        shot("07-queue-verified");

        browser.findElement(By.cssSelector("#queue-verify tr[data-key='" + stale + "'] button[data-action=verify]")).click();
        until(() -> attribute("#queue-answer", "class"), type -> type.contains("problem"));
        assertThat(text("#queue-answer")).contains("409");
        String problem = (String) script("return document.querySelector('#queue-answer pre[data-problem]').textContent");
        assertThat(TestHttp.parse(problem).get("status").asInt()).isEqualTo(409);
        assertThat(TestHttp.parse(problem).get("currentVersion").asInt()).isEqualTo(4);
        assertThat(text("#queue-answer")).contains("4");
        assertThat(attribute("#queue-verify tr[data-key='" + stale + "'] .status-cell", "data-status")).isEqualTo("SUBMITTED");
        shot("08-queue-stale-version");
    }

    @Test
    @Order(8)
    void onAPhonesScreenNothingSpillsSideways() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(page + "#national");
            awaitView("national-body", 6);
            assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth")).isLessThanOrEqualTo(0L);
            shot("09-national-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 800));
        }
    }

    /** Last: the incubator service stays down (the suite is this class's own). */
    @Test
    @Order(9)
    void aFailingServiceMarksItsSectionUnavailableAndTheRestRenders() throws IOException {
        suite.parts().get("incubator-service").kill();
        browser.get(page + "#zone/" + ZONE);
        awaitView("zone-body", 7);
        assertThat(attribute("[data-section=incubators]", "data-available")).isEqualTo("false");
        assertThat(text("[data-section=incubators]")).contains("服务暂不可用");
        assertThat(attribute("[data-section=funds]", "data-available")).as(text("#zone-body")).isEqualTo("true");
        assertThat(attribute("[data-section=talent]", "data-available")).as(text("#zone-body")).isEqualTo("true");
        assertThat(rowKeys("zone-reports")).isNotEmpty();
        fullShot("10-zone-incubator-down");
    }

    // ---- the API, for comparison

    static JsonNode api(String key, String path) {
        Response answer = gateway.get(path, "X-Api-Key", key);
        assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(200);
        return answer.json();
    }

    static Set<String> zoneIds(String key) {
        Set<String> ids = new TreeSet<>();
        api(key, "/api/zones?limit=100").get("items").forEach(zone -> ids.add(zone.get("id").asString()));
        return ids;
    }

    static List<BigDecimal> decimals(JsonNode items, String field) {
        List<BigDecimal> values = new ArrayList<>();
        items.forEach(item -> values.add(item.get(field).isNull() ? null : item.get(field).decimalValue().stripTrailingZeros()));
        return values;
    }

    static List<String> strings(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.get(field).asString()));
        return values;
    }

    private static SuiteConfig ports;

    /**
     * Free ports chosen once, as SuiteEndToEndTest does: never the ports of a running suite. The
     * parts run from copies of their jars: a build in the same tree while the suite starts (several
     * people work in one) would otherwise change a jar under a JVM that is still loading from it.
     */
    static synchronized SuiteConfig config() throws IOException {
        if (ports == null) {
            Path home = SuiteConfig.findHome(Path.of(""));
            Path copies = data.resolve("home");
            List<String> modules = new ArrayList<>(SuiteConfig.SERVICES);
            modules.add("gateway");
            for (String module : modules) {
                Path jar = copies.resolve(module).resolve("target").resolve(module + ".jar");
                Files.createDirectories(jar.getParent());
                Files.copy(home.resolve(module).resolve("target").resolve(module + ".jar"), jar);
            }
            Map<String, Integer> servicePorts = new LinkedHashMap<>();
            SuiteConfig.SERVICES.forEach(service -> servicePorts.put(service, SuiteEndToEndTest.freePort()));
            ports = new SuiteConfig(copies, data, SuiteEndToEndTest.freePort(),
                    SuiteEndToEndTest.freePort(), servicePorts, SuiteEndToEndTest.freePort(), null, true,
                    SuiteConfig.defaultJvmOptions());
        }
        return ports;
    }
}
