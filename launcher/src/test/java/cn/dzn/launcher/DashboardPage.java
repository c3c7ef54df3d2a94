package cn.dzn.launcher;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as DashboardBrowserTest reads it: signing in, waiting for a view, a chart's
 * numbers (from Chart.js itself) and a table's (its data-value cells), screenshots.
 */
final class DashboardPage {

    static final Path SHOTS = Path.of("target", "screenshots", "dashboard");

    static ChromeDriver browser;
    static String page;

    private DashboardPage() {
    }

    static void signIn(String key) {
        browser.get(page);
        script("sessionStorage.clear()");
        browser.navigate().refresh();
        until(() -> browser.findElement(By.id("api-key"))).sendKeys(key, Keys.ENTER);
        until(() -> browser.findElement(By.id("nav")).isDisplayed(), shown -> shown);
    }

    /** Follows a navigation link as a keyboard user would: focus, then Enter. */
    static void openWithKeyboard(String view) {
        WebElement link = browser.findElement(By.cssSelector("#nav a[data-view=" + view + "]"));
        script("arguments[0].focus()", link);
        link.sendKeys(Keys.ENTER);
        until(() -> link.getAttribute("aria-current"), "page"::equals);
    }

    /** Waits until the view shows its cards and none is loading. */
    static void awaitView(String body, int cards) {
        until(() -> script("const b = document.getElementById('" + body + "'); return b.querySelectorAll('[aria-busy]').length === 0"
                + " && b.querySelectorAll('[data-card], [data-section]').length >= " + cards
                + " && !document.getElementById('" + body.replace("-body", "") + "-title').closest('section').hasAttribute('aria-busy')"),
                Boolean.TRUE::equals);
    }

    static <T> T until(Supplier<T> value) {
        return until(value, found -> found != null);
    }

    static <T> T until(Supplier<T> value, Predicate<T> ready) {
        List<T> last = new ArrayList<>(1);
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(RuntimeException.class).withMessage(() -> "last seen: "
                + last + "; status: " + browser.findElement(By.id("status")).getText()).until(driver -> {
                    T seen = value.get();
                    last.clear();
                    last.add(seen);
                    return ready.test(seen) ? seen : null;
                });
        return last.get(0);
    }

    static Object script(String script, Object... args) {
        return browser.executeScript(script, args);
    }

    static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    static String attribute(String css, String name) {
        return browser.findElement(By.cssSelector(css)).getAttribute(name);
    }

    @SuppressWarnings("unchecked")
    static List<BigDecimal> chartValues(String chart) {
        List<Object> values = (List<Object>) script("return Chart.getChart('" + chart + "').data.datasets[0].data");
        return values.stream().map(v -> v == null ? null : new BigDecimal(v.toString()).stripTrailingZeros()).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> chartLabels(String chart) {
        return (List<String>) script("return Chart.getChart('" + chart + "').data.labels");
    }

    /** The data-value of one column of a table (by its id or the chart it stands for), row by row. */
    @SuppressWarnings("unchecked")
    static List<BigDecimal> tableValues(String table, int column) {
        List<String> values = (List<String>) script("return [...document.querySelectorAll('table#" + table
                + " tbody tr, table[data-chart=" + table + "] tbody tr')].map(r => r.children[" + column
                + "].getAttribute('data-value'))");
        return values.stream().map(v -> v == null ? null : new BigDecimal(v).stripTrailingZeros()).toList();
    }

    @SuppressWarnings("unchecked")
    static Set<String> rowKeys(String table) {
        return new TreeSet<>((List<String>) script("return [...document.querySelectorAll('table#" + table
                + " tbody tr[data-key], table[data-chart=" + table + "] tbody tr[data-key]')].map(r => r.dataset.key)"));
    }

    static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page: the window grows to the page's height for the picture. */
    static void fullShot(String name) throws IOException {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) script("return Math.min(document.documentElement.scrollHeight + 120, 6000)");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.max(height, before.getHeight())));
        try {
            shot(name);
        } finally {
            browser.manage().window().setSize(before);
        }
    }
}
