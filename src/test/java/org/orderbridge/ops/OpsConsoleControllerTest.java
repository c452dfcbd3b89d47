package org.orderbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.ADMIN_KEY;
import static org.orderbridge.platform.http.ApiSecurityTestConfiguration.READ_KEY;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.access.AccessScopes;
import org.orderbridge.access.ShopAccess;
import org.orderbridge.deadletter.DeadLetters;
import org.orderbridge.order.CancelReason;
import org.orderbridge.order.CancelRequest;
import org.orderbridge.order.Customer;
import org.orderbridge.order.IllegalOrderTransitionException;
import org.orderbridge.order.Order;
import org.orderbridge.order.OrderId;
import org.orderbridge.order.OrderTotals;
import org.orderbridge.order.Orders;
import org.orderbridge.platform.http.ApiSecurityTestConfiguration;
import org.orderbridge.shipment.FailedShipment;
import org.orderbridge.shipment.Shipments;
import org.orderbridge.shopify.ShopifyFeature;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The console's pages and actions in the web layer alone, with the features' services as mocks. */
@WebMvcTest(
        controllers = OpsConsoleController.class,
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.orderbridge\\.(?!ops\\.|platform\\.).*"),
        properties = {
            ApiSecurityTestConfiguration.API_KEYS,
            ApiSecurityTestConfiguration.SHOP_ADMIN_KEY_LIMITS,
            "orderbridge.ops.pending-push-after=30m"
        })
@Tag("slice")
@Import({ApiSecurityTestConfiguration.class, OpsConfiguration.class, OpsConsoleControllerTest.Fixed.class})
class OpsConsoleControllerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String SHOP = "ops-shop.myshopify.com";

    @TestConfiguration(proxyBeanMethods = false)
    static class Fixed {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        MetricsHistory metricsHistory(OpsProperties properties) {
            return new MetricsHistory(properties);
        }

        @Bean
        ShopifyApiVersionUse shopifyApiVersionUse() {
            return new ShopifyApiVersionUse(METERS);
        }
    }

    /** The Shopify client's meters as the console reads them; filled by the test that looks at them. */
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    AccessScopes accessScopes;

    @MockitoBean
    Orders orders;

    @MockitoBean
    Shipments shipments;

    @MockitoBean
    DeadLetters deadLetters;

    @Test
    void servesThePagesToAnyoneButNoDataWithThem() {
        for (String page : List.of("/ops", "/ops/dead-letters", "/ops/metrics")) {
            MvcTestResult result = mvc.get().uri(page).exchange();

            assertThat(result)
                    .hasStatusOk()
                    .doesNotContainHeader("Set-Cookie")
                    .hasHeader("Content-Security-Policy", OpsConfiguration.CONTENT_SECURITY_POLICY);
            // Boot's resource chain names the webjar's version, so a new htmx is a new URL for browser caches.
            assertThat(result)
                    .bodyText()
                    .contains("id=\"sign-in\"")
                    .containsPattern("src=\"/webjars/htmx.org/[0-9.]+/dist/htmx.min.js\"");
        }
        verifyNoInteractions(orders, shipments, deadLetters);
    }

    @Test
    void everyConsoleResponseCarriesTheContentSecurityPolicy() {
        for (MvcTestResult result : List.of(
                mvc.get().uri("/ops/parts/attention").exchange(),
                mvc.get()
                        .uri("/ops/parts/attention")
                        .header("X-API-Key", READ_KEY)
                        .exchange(),
                mvc.get()
                        .uri("/ops/parts/session")
                        .header("X-API-Key", ADMIN_KEY)
                        .exchange(),
                mvc.post().uri("/ops/orders/not-an-id/push").exchange(),
                mvc.get().uri("/ops/assets/no-such-asset.js").exchange(),
                mvc.get().uri("/webjars/htmx.org/dist/htmx.min.js").exchange())) {
            assertThat(result).hasHeader("Content-Security-Policy", OpsConfiguration.CONTENT_SECURITY_POLICY);
        }
    }

    @Test
    void servesHtmxFromItsWebjarWithoutAVersionInTheUrl() {
        assertThat(mvc.get().uri("/webjars/htmx.org/dist/htmx.min.js").exchange())
                .hasStatusOk()
                .bodyText()
                .contains("htmx");
    }

    @Test
    void answersEveryPartAndActionOnlyToAnAdminKey() {
        assertThat(mvc.get().uri("/ops/parts/attention").exchange()).hasStatus(401);
        assertThat(mvc.get()
                        .uri("/ops/parts/attention")
                        .header("X-API-Key", "no-such-key-0000000")
                        .exchange())
                .hasStatus(401)
                .bodyText()
                .contains("A valid API key is required");
        assertThat(mvc.get()
                        .uri("/ops/parts/dead-letters")
                        .header("X-API-Key", READ_KEY)
                        .exchange())
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/ops/orders/{id}/push", OrderId.newId())
                        .header("X-API-Key", READ_KEY)
                        .exchange())
                .hasStatus(403);
        // The console shows every shop: an admin key limited to shops is refused it.
        assertThat(mvc.get()
                        .uri("/ops/parts/dead-letters")
                        .header("X-API-Key", ApiSecurityTestConfiguration.SHOP_ADMIN_KEY)
                        .exchange())
                .hasStatus(403);
        verifyNoInteractions(orders, shipments, deadLetters);
    }

    @Test
    void namesTheKeyThatSignedIn() {
        assertThat(admin(mvc.get().uri("/ops/parts/session")))
                .hasStatusOk()
                .bodyText()
                .isEqualTo("admin");
    }

    @Test
    void listsRefusedAndLongPendingOrdersAndFailedShipments() throws Exception {
        Order refused = order(NOW.minus(Duration.ofHours(2)));
        refused.markPushFailed("Variant 42 does not exist", NOW.minus(Duration.ofHours(2)));
        Order pending = order(NOW.minus(Duration.ofMinutes(45)));
        Order shipped = order(NOW.minus(Duration.ofDays(1)));
        shipped.markPushed("gid://shopify/Order/4242", 4242L, "#1001", NOW.minus(Duration.ofDays(1)));
        given(orders.needingAttention(Duration.ofMinutes(30), 50)).willReturn(List.of(refused, pending));
        given(shipments.failed(50))
                .willReturn(List.of(new FailedShipment(
                        shipped.id(), SHOP, "SHIP-7", "Line 2 is already fulfilled", null, NOW.minusSeconds(600))));
        given(orders.find(shipped.id())).willReturn(Optional.of(shipped));

        String page = admin(mvc.get().uri("/ops/parts/attention")).getResponse().getContentAsString();

        assertThat(page)
                .contains("id=\"order-" + refused.id() + "\"", "PUSH_FAILED", "Variant 42 does not exist", "2 h 0 min")
                .contains("id=\"order-" + pending.id() + "\"", "PENDING_PUSH", "45 min")
                .contains("hx-post=\"/ops/orders/" + refused.id() + "/push\"")
                .contains("hx-post=\"/ops/orders/" + pending.id() + "/cancel\"")
                .contains("after\n        <span>30 min</span>")
                .contains("SHIP-7", "Line 2 is already fulfilled", "10 min")
                .contains("href=\"https://admin.shopify.com/store/ops-shop/orders/4242\"");
    }

    @Test
    void showsThePinnedApiVersionAndPerShopWhatShopifySaidOfIt() throws Exception {
        assertThat(admin(mvc.get().uri("/ops/parts/attention")).getResponse().getContentAsString())
                .contains("Pinned <strong>not yet used</strong>");
        Gauge.builder(ShopifyApiVersionUse.PINNED, () -> 1)
                .tag("version", "2026-10")
                .register(METERS);

        assertThat(admin(mvc.get().uri("/ops/parts/attention")).getResponse().getContentAsString())
                .contains("Pinned <strong>2026-10</strong>", "every answer came from it");

        METERS.counter(ShopifyApiVersionUse.MISMATCH, "shop", SHOP, "served", "2026-07")
                .increment(3);
        METERS.counter(ShopifyApiVersionUse.DEPRECATED, "shop", SHOP, "operation", "CREATE_ORDER")
                .increment(1);
        METERS.counter(ShopifyApiVersionUse.DEPRECATED, "shop", "b.myshopify.com", "operation", "ORDER_SNAPSHOT")
                .increment(2);

        assertThat(admin(mvc.get().uri("/ops/parts/attention")).getResponse().getContentAsString())
                .doesNotContain("every answer came from it")
                .contains("id=\"api-version-" + SHOP + "\"", "2026-07 (3 answers)", "CREATE_ORDER (1 call)")
                .contains("id=\"api-version-b.myshopify.com\"", "ORDER_SNAPSHOT (2 calls)");
        METERS.clear();
    }

    @Test
    void listsAnOrderWhoseTotalsDifferInShopifyUntilMarkedSeen() throws Exception {
        Order differs = order(NOW.minus(Duration.ofHours(3)));
        differs.markPushed("gid://shopify/Order/4343", 4343L, "#1003", NOW.minus(Duration.ofHours(3)));
        BigDecimal total = differs.expectedTotals().total();
        differs.compareShopifyTotals(
                new OrderTotals(
                        total, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO, total.add(BigDecimal.ONE), "PENDING"),
                NOW.minus(Duration.ofHours(3)));
        given(orders.needingAttention(Duration.ofMinutes(30), 50)).willReturn(List.of(differs));

        String page = admin(mvc.get().uri("/ops/parts/attention")).getResponse().getContentAsString();

        assertThat(page)
                .contains("id=\"order-" + differs.id() + "\"", "PUSHED", "3 h 0 min")
                .contains("Totals differ in Shopify (ours ≠ Shopify&#39;s): tax 0 ≠ 1")
                .contains("hx-post=\"/ops/orders/" + differs.id() + "/totals-seen\"")
                .contains("href=\"https://admin.shopify.com/store/ops-shop/orders/4343\"")
                .doesNotContain("hx-post=\"/ops/orders/" + differs.id() + "/push\"");

        differs.markTotalsMismatchSeen(NOW);
        given(orders.markTotalsMismatchSeen(differs.id())).willReturn(differs);
        given(orders.needingAttention(Duration.ofMinutes(30), 50)).willReturn(List.of());

        assertThat(admin(mvc.post().uri("/ops/orders/{id}/totals-seen", differs.id())))
                .hasStatusOk()
                .bodyText()
                .contains("notice ok", "The totals difference of order " + differs.id() + " is marked seen.")
                .doesNotContain("/totals-seen\"");
    }

    @Test
    void listsShopsLackingScopesAndOrdersWhoseCancellationShopifyRefused() throws Exception {
        Order pushed = order(NOW.minus(Duration.ofHours(3)));
        pushed.markPushed("gid://shopify/Order/5151", 5151L, "#1003", NOW.minus(Duration.ofHours(3)));
        pushed.requestCancel(
                new CancelRequest(CancelReason.CUSTOMER, true, false, false, null), NOW.minus(Duration.ofHours(1)));
        pushed.cancelRefused("Shopify refused the cancellation: fulfilled", NOW.minus(Duration.ofHours(1)));
        given(orders.needingAttention(Duration.ofMinutes(30), 50)).willReturn(List.of(pushed));
        given(accessScopes.lacking())
                .willReturn(List.of(new ShopAccess(
                        SHOP,
                        Map.of(ShopifyFeature.FULFILLMENT, List.of("read_locations")),
                        NOW.minusSeconds(60),
                        null)));

        String page = admin(mvc.get().uri("/ops/parts/attention")).getResponse().getContentAsString();

        assertThat(page)
                .contains("id=\"order-" + pushed.id() + "\"", "Shopify refused the cancellation: fulfilled")
                .doesNotContain("hx-post=\"/ops/orders/" + pushed.id() + "/cancel\"")
                .contains("id=\"shop-" + SHOP + "\"", "Shipments (fulfillments): read_locations");
    }

    @Test
    void repushesAnOrderAndWatchesItWhileItIsPending() throws Exception {
        Order order = order(NOW.minus(Duration.ofHours(1)));
        given(orders.requestRepush(order.id())).willReturn(order);

        String page = admin(mvc.post().uri("/ops/orders/{id}/push", order.id()))
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("notice ok", "Order " + order.id() + " is queued for another push.")
                .contains("hx-get=\"/ops/parts/orders/" + order.id() + "\"", "hx-trigger=\"every 1s\"");
    }

    @Test
    void stopsWatchingOnceTheOrderIsPushed() throws Exception {
        Order order = order(NOW.minus(Duration.ofHours(1)));
        order.markPushed("gid://shopify/Order/777", 777L, "#1002", NOW);
        given(orders.find(order.id())).willReturn(Optional.of(order));

        String part = admin(mvc.get().uri("/ops/parts/orders/{id}", order.id()))
                .getResponse()
                .getContentAsString();

        assertThat(part)
                .contains("id=\"watched-status\"", ">PUSHED<", "https://admin.shopify.com/store/ops-shop/orders/777")
                .doesNotContain("hx-trigger");
    }

    @Test
    void explainsAnActionTheOrderDoesNotAllow() {
        OrderId id = OrderId.newId();
        willThrow(IllegalOrderTransitionException.class).given(orders).withdraw(id);

        assertThat(admin(mvc.post().uri("/ops/orders/{id}/cancel", id)))
                .hasStatusOk()
                .bodyText()
                .contains("notice error", "The action failed");
        assertThat(admin(mvc.post().uri("/ops/orders/{id}/cancel", "not-an-id")))
                .hasStatusOk()
                .bodyText()
                .contains("notice error", "is not an order id");
    }

    @Test
    void listsDeadLettersPerQueueWithTheirReasonAndRedrivesOne() throws Exception {
        given(deadLetters.queues()).willReturn(new TreeSet<>(List.of("push", "webhook")));
        var letter = new DeadLetters.Letter(
                "m-1", "{\"orderId\":\"x\"}", Map.of("traceparent", "00-abc"), "no such order", 8, NOW);
        var bySqs = new DeadLetters.Letter("m-2", "{}", Map.of(), null, 9, NOW);
        given(deadLetters.peek("push", 50)).willReturn(List.of(letter, bySqs));
        given(deadLetters.peek("webhook", 50)).willReturn(List.of());
        given(deadLetters.redriveOne("push", "m-1")).willReturn(true);

        String page = admin(mvc.post().uri("/ops/dead-letters/push/messages/m-1/redrive"))
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Message m-1 is back on the push queue.")
                .contains("id=\"queue-push\"", "id=\"letter-m-1\"", "no such order", "traceparent", "00-abc")
                .contains("Moved by SQS after the source queue&#39;s receive limit")
                .contains("hx-post=\"/ops/dead-letters/push/redrive\"")
                .contains("id=\"queue-webhook\"", "Empty.");
    }

    @Test
    void reportsADeadLetterThatIsGoneAndAQueueThatDoesNotAnswer() throws Exception {
        given(deadLetters.queues()).willReturn(new TreeSet<>(List.of("push")));
        given(deadLetters.redriveOne("push", "m-9")).willReturn(false);
        given(deadLetters.peek("push", 50)).willThrow(new IllegalStateException("SQS timed out"));

        assertThat(admin(mvc.post().uri("/ops/dead-letters/push/messages/m-9/redrive")))
                .hasStatusOk()
                .bodyText()
                .contains("notice error", "The push dead-letter queue did not answer: SQS timed out");
    }

    @Test
    void redrivesAWholeQueue() throws Exception {
        given(deadLetters.queues()).willReturn(new TreeSet<>(List.of("webhook")));
        given(deadLetters.redrive("webhook", 10_000)).willReturn(3);

        assertThat(admin(mvc.post().uri("/ops/dead-letters/webhook/redrive")))
                .hasStatusOk()
                .bodyText()
                .contains("3 messages back on the webhook queue.");
    }

    @Test
    void showsNoDataForChartsWithoutSamples() {
        assertThat(admin(mvc.get().uri("/ops/parts/metrics")))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"chart-drift\"", "no data", "hx-trigger=\"every 10s\"");
    }

    private MvcTestResult admin(MockMvcTester.MockMvcRequestBuilder request) {
        return request.header("X-API-Key", ADMIN_KEY).exchange();
    }

    private static Order order(Instant acceptedAt) {
        return Order.accept(
                OrderId.newId(),
                SHOP,
                "ext-" + acceptedAt.toEpochMilli(),
                new Customer("ada@example.com", "Ada", "Lovelace", null),
                null,
                null,
                List.of(),
                "GBP",
                null,
                List.of(),
                "hash",
                acceptedAt);
    }
}
