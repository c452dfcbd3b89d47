package org.orderbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.deadletter.DeadLetters;
import org.orderbridge.push.PushFixtures;
import org.orderbridge.shopify.simulator.Fault;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The console in a real browser (headless Chromium) against the service on the embedded services: what an operator
 * does, click by click. Each page is photographed into target/ops-screenshots (docs/ops/ holds the copies that
 * docs/ops.md shows).
 */
@Tag("browser")
@OrderBridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    EndToEndFixtures e2e;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    Environment environment;

    WebDriver browser;

    @BeforeAll
    void startBrowser() {
        browser = OpsFixtures.headlessChromium();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * Clears the key on a page that runs no script: the console page's own sign-in check, still in flight, would store
     * the key again.
     */
    @BeforeEach
    void signedOut() {
        browser.get(url("/ops/assets/ops.css"));
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.get(url("/ops"));
    }

    @Test
    void refusesAWrongKeyAndAKeyWithoutTheAdminRole() {
        signIn("not-a-key-of-this-service");
        assertThat(signInError()).isEqualTo("That API key was not accepted. Check it and sign in again.");

        signIn(PushFixtures.READ_KEY);
        assertThat(signInError()).contains("not an admin key");
        OpsFixtures.screenshot(browser, "sign-in");

        assertThat(browser.getCurrentUrl()).isEqualTo(url("/ops"));
        assertThat(browser.findElement(By.id("content")).getText()).isEmpty();
        assertThat(storedKey()).isNull();
    }

    @Test
    void showsAFailedPushAndRepushesItUntilItIsPushed() {
        e2e.shopify()
                .faults()
                .forShop(OpsFixtures.SHOP)
                .nextFor("orderCreate", 1, Fault.userError("Variant 42 does not exist"));
        String id = e2e.accept("ops-console@example.com", OpsFixtures.SHOP);
        e2e.awaitStatus(id, "PUSH_FAILED");

        signIn(PushFixtures.ADMIN_KEY);
        WebElement row = waitFor(By.id("order-" + id));
        assertThat(row.getText()).contains("PUSH_FAILED", "Variant 42 does not exist", OpsFixtures.SHOP);
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Signed in as local-admin");
        OpsFixtures.screenshot(browser, "attention");

        row.findElement(By.cssSelector("button.repush")).click();

        waitFor(By.cssSelector(".notice.ok"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("watched-status"), "PUSHED"));
        assertThat(browser.findElement(By.id("watch")).getText()).contains(id);
        assertThat(browser.findElement(By.cssSelector("#watch a")).getAttribute("href"))
                .startsWith("https://admin.shopify.com/store/ops-console/orders/");
        assertThat(e2e.order(id).get("status").asString()).isEqualTo("PUSHED");
        OpsFixtures.screenshot(browser, "attention-repushed");
    }

    @Test
    void redrivesOneDeadLetter() throws Exception {
        // A push request for an order that does not exist: once re-driven, the worker acknowledges it as done.
        String body = "{\"orderId\":\"" + UUID.randomUUID() + "\"}";
        deadLetters.send(
                environment.getRequiredProperty("orderbridge.push.dead-letter-queue"),
                body,
                Map.of(),
                "Shopify unavailable after 8 receives");
        String messageId = await().atMost(WAIT).until(() -> messageIdOf(body), java.util.Objects::nonNull);

        browser.get(url("/ops/dead-letters"));
        signIn(PushFixtures.ADMIN_KEY);
        WebElement letter = waitFor(By.id("letter-" + messageId));
        assertThat(letter.getText()).contains("Shopify unavailable after 8 receives");
        letter.findElement(By.tagName("summary")).click();
        assertThat(letter.findElement(By.tagName("pre")).getText()).isEqualTo(body);
        OpsFixtures.screenshot(browser, "dead-letters");

        letter.findElement(By.cssSelector("button.redrive")).click();

        assertThat(waitFor(By.cssSelector(".notice.ok")).getText())
                .isEqualTo("Message " + messageId + " is back on the push queue.");
        assertThat(browser.findElements(By.id("letter-" + messageId))).isEmpty();
        await().atMost(WAIT).until(() -> messageIdOf(body) == null);
    }

    @Test
    void chartsPushesThrottlingAndBreakersOfTheLastHour() {
        e2e.shopify()
                .faults()
                .forShop(OpsFixtures.SHOP)
                .nextFor("orderCreate", 1, Fault.tooManyRequests(Duration.ofMillis(200)));
        for (int i = 0; i < 3; i++) {
            String id = e2e.accept("ops-charts@example.com", OpsFixtures.SHOP);
            e2e.awaitStatus(id, "PUSHED");
        }

        browser.get(url("/ops/metrics"));
        signIn(PushFixtures.ADMIN_KEY);

        // The page redraws itself every sample interval; present rather than visible, since a flat line has no height.
        var redrawn = new WebDriverWait(browser, WAIT);
        redrawn.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chart-throttled"), OpsFixtures.SHOP));
        redrawn.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("chart-breakers"), OpsFixtures.SHOP + " closed"));
        redrawn.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-pushes polyline")));
        redrawn.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-outbox-backlog polyline")));
        assertThat(browser.findElements(By.cssSelector(".chart"))).hasSize(Charts.ALL.size());
        OpsFixtures.screenshot(browser, "metrics");
    }

    private void signIn(String key) {
        WebElement field = waitFor(By.id("api-key"));
        field.clear();
        field.sendKeys(key);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
    }

    private String signInError() {
        return new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")))
                .getText();
    }

    private Object storedKey() {
        return ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('orderbridge.ops.apiKey')");
    }

    private WebElement waitFor(By locator) {
        try {
            return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (org.openqa.selenium.TimeoutException e) {
            OpsFixtures.failureScreenshot(browser, locator.toString().replaceAll("\\W+", "-"));
            throw e;
        }
    }

    private String messageIdOf(String body) throws Exception {
        return deadLetters.peek("push", 100).stream()
                .filter(letter -> letter.body().equals(body))
                .map(DeadLetters.Letter::messageId)
                .findFirst()
                .orElse(null);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
