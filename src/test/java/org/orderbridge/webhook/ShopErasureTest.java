package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.webhook.WebhookFixtures.appUninstalled;
import static org.orderbridge.webhook.WebhookFixtures.deliver;
import static org.orderbridge.webhook.WebhookFixtures.newShopifyId;
import static org.orderbridge.webhook.WebhookFixtures.order;
import static org.orderbridge.webhook.WebhookFixtures.shopRedact;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.access.AccessFixtures;
import org.orderbridge.access.AccessScopes;
import org.orderbridge.platform.EmbeddedServices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * shop/redact leaves no row that mentions the shop, in any table: the tables are found in the database's catalogue, so
 * that a table added later is covered without touching this test.
 */
@OrderBridgeTest
class ShopErasureTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EndToEndFixtures e2e;

    @Autowired
    AccessScopes accessScopes;

    @Test
    void redactedCustomerStaysErasedWhenShopifySendsTheOrderAgain() throws Exception {
        String shop = "erase-customer.myshopify.com";
        long id = newShopifyId();
        Instant created =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(60);
        deliverAndAwait(shop, "orders/create", order(id, created, "leave it with the neighbour"));
        deliverAndAwait(shop, "customers/redact", """
                {"shop_id":31,"shop_domain":"%s","customer":{"id":7001,"email":"jon@example.com"},"orders_to_redact":[%d]}""".formatted(shop, id));

        deliverAndAwait(shop, "orders/updated", order(id, created.plusSeconds(30), "ring twice"));

        Map<String, Object> stored = jdbc.sql(
                        "select customer, shipping_address, billing_address, note, shopify_customer_id, shopify_updated_at,"
                                + " customer_redacted_at from shop_order where shop_domain = ? and shopify_order_id = ?")
                .params(shop, id)
                .query()
                .singleRow();
        assertThat(stored.get("shopify_updated_at"))
                .as("the update was applied")
                .isNotNull();
        assertThat(((java.sql.Timestamp) stored.get("shopify_updated_at")).toInstant())
                .isEqualTo(created.plusSeconds(30));
        assertThat(stored.get("customer_redacted_at")).isNotNull();
        assertThat(stored)
                .containsEntry("customer", null)
                .containsEntry("shipping_address", null)
                .containsEntry("billing_address", null)
                .containsEntry("note", null)
                .containsEntry("shopify_customer_id", null);
    }

    @Test
    void shopRedactLeavesNoRowThatMentionsTheShopInAnyTable() throws Exception {
        String shop = "erase.myshopify.com";
        long first = newShopifyId();
        long second = first + 1;
        deliverAndAwait(shop, "orders/create", order(first, Instant.now(), "first"));
        deliverAndAwait(shop, "orders/create", order(second, Instant.now(), "second"));
        deliverAndAwait(shop, "fulfillments/create", """
                {"id":%d,"order_id":%d,"status":"success","tracking_company":"DHL","tracking_numbers":["JJD0001"],
                 "updated_at":"%s"}""".formatted(newShopifyId(), first, Instant.now()));
        deliverAndAwait(shop, "customers/data_request", """
                {"shop_id":31,"shop_domain":"%s","customer":{"id":7001,"email":"jon@example.com"},"orders_requested":["%d"],
                 "data_request":{"id":9}}""".formatted(shop, first));
        // Order ids as strings: the customer's order must be redacted all the same.
        deliverAndAwait(shop, "customers/redact", """
                {"shop_id":31,"shop_domain":"%s","customer":{"id":"7001","email":"jon@example.com"},"orders_to_redact":["%d"]}""".formatted(shop, first));
        assertThat(jdbc.sql(
                                "select customer is null and shipping_address is null from shop_order where shopify_order_id = ?")
                        .param(first)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        deliverAndAwait(shop, "app/uninstalled", appUninstalled(31, shop));
        e2e.shopify().uninstallApp(shop);
        List<UUID> orders = jdbc.sql("select id from shop_order where shop_domain = ?")
                .param(shop)
                .query(UUID.class)
                .list();
        assertThat(orders).hasSize(2);
        // What no webhook leaves behind for long: a claim-checked payload SQS refused, and a pending push request
        // (held in the outbox while the relay is stopped).
        jdbc.sql("insert into webhook_payload (id, shop_domain, body, created_at) values (?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        shop,
                        ("{\"shop\":\"" + shop + "\"}").getBytes(),
                        Timestamp.from(Instant.now()))
                .update();
        SmartLifecycle relay = context.getBean("outboxRelayScheduler", SmartLifecycle.class);
        relay.stop();
        try {
            jdbc.sql("insert into push_outbox (order_id, created_at) values (?, now())")
                    .param(orders.getFirst())
                    .update();

            String redaction = UUID.randomUUID().toString();
            assertThat(deliver(port, "shop/redact", shop, redaction, shopRedact(31, shop))
                            .statusCode())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.sql("select count(*) from compliance_request where webhook_id = ?")
                                    .param(redaction)
                                    .query(Long.class)
                                    .single()
                            == 1);

            Map<String, List<String>> shopColumns = shopColumns();
            assertThat(shopColumns)
                    .containsKeys(
                            "shop_order",
                            "webhook_delivery",
                            "webhook_payload",
                            "order_fulfillment",
                            "shop_installation",
                            "compliance_request");
            shopColumns.forEach((table, columns) -> columns.forEach(column -> assertThat(
                            jdbc.sql("select count(*) from " + table + " where lower(" + column + ") = lower(?)")
                                    .param(shop)
                                    .query(Long.class)
                                    .single())
                    .as("rows of %s whose %s is the shop", table, column)
                    .isZero()));
            for (String table : tables()) {
                assertThat(jdbc.sql("select count(*) from " + table + " t where strpos(lower(t::text), lower(?)) > 0")
                                .param(shop)
                                .query(Long.class)
                                .single())
                        .as("rows of %s that mention the shop anywhere", table)
                        .isZero();
            }
            assertThat(jdbc.sql("select count(*) from push_outbox where order_id in (:ids)")
                            .param("ids", orders)
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql(
                                    "select shop_domain, topic, orders_affected from compliance_request where webhook_id = ?")
                            .param(redaction)
                            .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3))
                            .single())
                    .isEqualTo("null shop/redact 2");
        } finally {
            relay.start();
        }
    }

    @Test
    void aRepeatedShopRedactIsAppliedAgainWithoutFailingAndChangesNothing() throws Exception {
        String shop = "erase-again.myshopify.com";
        deliverAndAwait(shop, "orders/create", order(newShopifyId(), Instant.now(), "once"));
        deliverAndAwait(shop, "app/uninstalled", appUninstalled(32, shop));
        e2e.shopify().uninstallApp(shop);
        String redaction = UUID.randomUUID().toString();
        String body = shopRedact(32, shop);
        double redactedBefore = redactionsProcessed();

        for (int i = 0; i < 2; i++) {
            assertThat(deliver(port, "shop/redact", shop, redaction, body).statusCode())
                    .isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from shop_order where shop_domain = ?")
                                .param(shop)
                                .query(Long.class)
                                .single()
                        == 0);
        // Both deliveries processed, neither failed (a failure would be retried and end in the dead-letter queue):
        // the erasure's own delivery record went with the shop, so the second is dropped at the shop's tombstone (or,
        // when both ran at once, applied again, finding nothing to erase); it records nothing new.
        await().atMost(Duration.ofSeconds(20)).until(() -> redactionsProcessed() - redactedBefore >= 2);
        assertThat(jdbc.sql("select count(*) from compliance_request where webhook_id = ?")
                        .param(redaction)
                        .query(Long.class)
                        .single())
                .isOne();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> jdbc.sql("select count(*) from webhook_delivery where shop_domain = ?")
                                .param(shop)
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void anErasedShopThatInstallsTheAppAgainTakesWhatComesAfterButNothingFromBeforeItsErasure() throws Exception {
        String shop = "erase-reinstall.myshopify.com";
        long old = newShopifyId();
        String oldOrder = order(old, Instant.now().minusSeconds(60), "from before the erasure");
        deliverAndAwait(shop, "orders/create", oldOrder);
        deliverAndAwait(shop, "app/uninstalled", appUninstalled(34, shop));
        e2e.shopify().uninstallApp(shop);
        Instant beforeErasure = Instant.now();
        assertThat(deliver(port, "shop/redact", shop, UUID.randomUUID().toString(), shopRedact(34, shop))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> orders(shop) == 0 && reinstalled(shop).equals(List.of(false)));

        e2e.shopify().addShop(shop, EmbeddedServices.SIMULATED_SHOPS.get(shop));
        assertThat(AccessFixtures.checkNow(accessScopes, shop)).isTrue();

        assertThat(reinstalled(shop)).containsExactly(true);
        assertThat(meters.counter("orderbridge.shop.reinstalled", "after", "erasure")
                        .count())
                .isOne();
        // A delivery Shopify triggered before the erasure, replayed or re-driven now: dropped.
        double droppedBefore = WebhookFixtures.processed(meters, "orders/create", "erased_shop");
        assertThat(deliverTriggeredAt(shop, oldOrder, beforeErasure.minusSeconds(30))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> WebhookFixtures.processed(meters, "orders/create", "erased_shop") > droppedBefore);
        // The same body under a fresh (unsigned) trigger time: the order's own updated_at is older than the erasure.
        deliverAndAwait(shop, "orders/create", oldOrder);
        // What the new installation sends is taken.
        long fresh = newShopifyId();
        deliverAndAwait(shop, "orders/create", order(fresh, Instant.now(), "after the reinstall"));

        assertThat(jdbc.sql("select shopify_order_id from shop_order where shop_domain = ?")
                        .param(shop)
                        .query(Long.class)
                        .list())
                .containsExactly(fresh);
    }

    /** Per tombstone of the shop (one at most), whether it records a reinstall. */
    private List<Boolean> reinstalled(String shop) {
        return jdbc.sql("select reinstalled_at is not null from erased_shop"
                        + " where shop_key = encode(sha256(convert_to(lower(?), 'UTF8')), 'hex')")
                .param(shop)
                .query(Boolean.class)
                .list();
    }

    private long orders(String shop) {
        return jdbc.sql("select count(*) from shop_order where shop_domain = ?")
                .param(shop)
                .query(Long.class)
                .single();
    }

    private java.net.http.HttpResponse<String> deliverTriggeredAt(String shop, String body, Instant triggeredAt)
            throws Exception {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var headers = new java.util.HashMap<>(WebhookFixtures.signedHeaders("orders/create", bytes));
        headers.put("X-Shopify-Shop-Domain", shop);
        headers.put("X-Shopify-Triggered-At", triggeredAt.toString());
        return WebhookFixtures.send(port, bytes, headers);
    }

    private double redactionsProcessed() {
        return WebhookFixtures.processed(meters, "shop/redact", "redacted")
                + WebhookFixtures.processed(meters, "shop/redact", "erased_shop");
    }

    /** Every table with a column that names a shop: {@code shop}, {@code shop_domain}, {@code *_shop_domain}... */
    private Map<String, List<String>> shopColumns() {
        return jdbc.sql("""
                select table_name, column_name from information_schema.columns
                 where table_schema = current_schema()
                   and (column_name ~ '(^|_)shop(_domain)?$' or column_name ~ 'shop_domain')
                   and data_type in ('character varying', 'text', 'character')""").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        Map.Entry::getKey,
                        java.util.stream.Collectors.mapping(
                                Map.Entry::getValue, java.util.stream.Collectors.toList())));
    }

    private List<String> tables() {
        return jdbc.sql("""
                select table_name from information_schema.tables
                 where table_schema = current_schema() and table_type = 'BASE TABLE'
                   and table_name <> 'flyway_schema_history'""").query(String.class).list();
    }

    private void deliverAndAwait(String shop, String topic, String body) throws Exception {
        String webhookId = UUID.randomUUID().toString();
        assertThat(deliver(port, topic, shop, webhookId, body).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.sql("select count(*) from webhook_delivery where webhook_id = ? and outcome <> 'CLAIMED'")
                                        .param(webhookId)
                                        .query(Long.class)
                                        .single()
                                == 1);
    }
}
