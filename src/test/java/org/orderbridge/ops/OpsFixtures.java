package org.orderbridge.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The console tests' browser and shop. */
final class OpsFixtures {

    /** A shop of its own, so that the faults these tests set touch no other test's orders. */
    static final String SHOP = "ops-console.myshopify.com";

    /**
     * Debian's chromium and chromium-driver packages (installed by .ci/run); elsewhere, such as a CI runner with its
     * own Chrome, OPS_CHROME_BINARY and OPS_CHROMEDRIVER name a matching pair.
     */
    private static final String BROWSER = setting("OPS_CHROME_BINARY", "/usr/bin/chromium");

    private static final String DRIVER = setting("OPS_CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/ops-screenshots");

    private OpsFixtures() {}

    /**
     * Both paths are given, so Selenium Manager has nothing to look up or download: the test runs offline or not at
     * all.
     */
    static WebDriver headlessChromium() {
        for (String file : new String[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(Path.of(file))) {
                throw new IllegalStateException(file + " is missing: install Debian's chromium and chromium-driver "
                        + "(.ci/run does), or point OPS_CHROME_BINARY and OPS_CHROMEDRIVER at a Chrome and its driver");
            }
        }
        var options = new ChromeOptions()
                .setBinary(BROWSER)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--disable-extensions",
                        "--window-size=1280,860");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }

    /**
     * Photographs the page into target/ops-screenshots; with -Dops.screenshots=docs/ops it refreshes the copies the
     * docs show as well.
     */
    static void screenshot(WebDriver browser, String name) {
        Path shot = shoot(browser, name);
        String docs = System.getProperty("ops.screenshots");
        if (docs != null && !docs.isBlank()) {
            copy(shot, Path.of(docs, name + ".png"));
        }
    }

    /** What the browser showed when a test gave up waiting, in target/ops-screenshots only. */
    static void failureScreenshot(WebDriver browser, String what) {
        shoot(browser, "failed-" + what);
    }

    private static Path shoot(WebDriver browser, String name) {
        Path shot = SCREENSHOTS.resolve(name + ".png");
        copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot);
        return shot;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
