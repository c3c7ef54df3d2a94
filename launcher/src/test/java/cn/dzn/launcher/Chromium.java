package cn.dzn.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven through its own chromedriver (DESIGN.md, the staff dashboard). Both
 * are named explicitly, so Selenium Manager never looks for, let alone downloads, a browser or a
 * driver: the network here reaches package registries only.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String INSTALL = "sudo apt-get install -y chromium chromium-driver fonts-wqy-microhei";

    private Chromium() {
    }

    /**
     * Installs both through .ci/install-chromium when missing (it needs root, as in CI). Where that
     * cannot be done the test is skipped with one line naming the command; under CI=true it fails.
     */
    static void requireInstalled(Path home) {
        if (installed()) {
            return;
        }
        String why;
        try {
            Process install = new ProcessBuilder(home.resolve(".ci/install-chromium").toString()).inheritIO().start();
            why = install.waitFor(10, TimeUnit.MINUTES) && installed() ? null : ".ci/install-chromium could not install them";
        } catch (IOException e) {
            why = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        if (why == null) {
            return;
        }
        String line = "dashboard browser test skipped: chromium or chromedriver is missing (" + why + "); install them with '"
                + INSTALL + "'";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(line.replace("skipped", "cannot run under CI=true"));
        }
        System.out.println(line);
        Assumptions.abort(line);
    }

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** Headless, 1280×800, a fresh profile, nothing fetched in the background. */
    static ChromeDriver start(Path profile) {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=zh-CN");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
