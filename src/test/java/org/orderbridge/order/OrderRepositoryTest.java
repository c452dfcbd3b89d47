package org.orderbridge.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orderbridge.order.OrderFixtures.ACCEPTED_AT;
import static org.orderbridge.order.OrderFixtures.accepted;
import static org.orderbridge.order.OrderFixtures.snapshot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.platform.EmbeddedPostgresTestConfiguration;
import org.orderbridge.platform.MessageTracing;
import org.orderbridge.push.PushRequests;
import org.orderbridge.shop.ErasedShops;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The order table on a real PostgreSQL with the Flyway schema and Hibernate validating its mapping against
 * it: keyset pagination and filters of the listing, the uniqueness that makes intake idempotent, and the
 * JSONB columns. Each test runs in a transaction that is rolled back.
 */
@Tag("slice")
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({
    EmbeddedPostgresTestConfiguration.class,
    Orders.class,
    PushLeases.class,
    PushRequests.class,
    MessageTracing.class,
    ErasedShops.class,
    OrderRepositoryTest.FixedClock.class
})
class OrderRepositoryTest {

    @Autowired
    OrderRepository repository;

    @Autowired
    Orders orders;

    @Autowired
    TestEntityManager entities;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesThroughOrdersOldestChangeFirstWithTheIdBreakingTies() {
        String shop = newShop();
        var stored = new ArrayList<Order>();
        // Three orders share one change time: only the id orders them, and a page may end between them.
        for (int second : new int[] {30, 10, 20, 20, 20, 40}) {
            stored.add(store(accepted(shop, "ext-" + UUID.randomUUID(), ACCEPTED_AT.plusSeconds(second))));
        }
        // PostgreSQL orders uuids by their bytes, unsigned, as their text sorts; UUID.compareTo compares signed longs.
        List<OrderId> expected = stored.stream()
                .sorted(Comparator.comparing(Order::updatedAt).thenComparing(o -> o.id().toString()))
                .map(Order::id)
                .toList();
        var filter = new OrderFilter(shop, null, null);

        var seen = new ArrayList<OrderId>();
        OrderCursor cursor = null;
        int pages = 0;
        do {
            OrderPage page = orders.list(filter, cursor, 2);
            page.orders().forEach(o -> seen.add(o.id()));
            cursor = page.next() == null ? null : OrderCursor.decode(page.next().encode());
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        // 6 orders, 2 per page: the third page is full and the listing knows there is no fourth.
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void handsOutNoCursorWhenThePageHoldsTheRest() {
        String shop = newShop();
        store(accepted(shop, "ext-a", ACCEPTED_AT));
        store(accepted(shop, "ext-b", ACCEPTED_AT.plusSeconds(1)));

        OrderPage page = orders.list(new OrderFilter(shop, null, null), null, 2);

        assertThat(page.orders()).hasSize(2);
        assertThat(page.next()).isNull();
    }

    @Test
    void filtersByShopStatusAndChangeTimeFromItsFirstInstantOn() {
        String shop = newShop();
        Order early = store(accepted(shop, "ext-early", ACCEPTED_AT));
        Order pending = store(accepted(shop, "ext-pending", ACCEPTED_AT.plusSeconds(60)));
        Order parked = accepted(shop, "ext-parked", ACCEPTED_AT);
        parked.markPushFailed("Variant is sold out", ACCEPTED_AT.plusSeconds(120));
        store(parked);
        Order elsewhere = store(accepted(newShop(), "ext-elsewhere", ACCEPTED_AT.plusSeconds(60)));

        assertThat(ids(repository.search(new OrderFilter(shop, null, null), null, 10)))
                .containsExactly(early.id(), pending.id(), parked.id());
        assertThat(ids(repository.search(new OrderFilter(shop, OrderStatus.PENDING_PUSH, null), null, 10)))
                .containsExactly(early.id(), pending.id());
        assertThat(ids(repository.search(new OrderFilter(shop, null, ACCEPTED_AT.plusSeconds(60)), null, 10)))
                .containsExactly(pending.id(), parked.id());
        assertThat(ids(repository.search(
                        new OrderFilter(shop, OrderStatus.PUSH_FAILED, ACCEPTED_AT.plusSeconds(61)), null, 10)))
                .containsExactly(parked.id());
        assertThat(ids(repository.search(new OrderFilter(null, null, ACCEPTED_AT.plusSeconds(60)), null, 10)))
                .contains(pending.id(), parked.id(), elsewhere.id())
                .doesNotContain(early.id());
    }

    @Test
    void continuesAfterTheCursorWithinTheFilter() {
        String shop = newShop();
        Order first = store(accepted(shop, "ext-1", ACCEPTED_AT));
        Order second = store(accepted(shop, "ext-2", ACCEPTED_AT.plusSeconds(1)));
        store(accepted(newShop(), "ext-3", ACCEPTED_AT.plusSeconds(2)));

        assertThat(ids(repository.search(new OrderFilter(shop, null, null), OrderCursor.after(first), 10)))
                .containsExactly(second.id());
        assertThat(repository.search(new OrderFilter(shop, null, null), OrderCursor.after(second), 10))
                .isEmpty();
    }

    @Test
    void findsAnOrderByShopAndExternalId() {
        String shop = newShop();
        Order order = store(accepted(shop, "ext-find", ACCEPTED_AT));
        store(accepted(newShop(), "ext-find", ACCEPTED_AT));

        assertThat(repository.findByShopDomainAndExternalId(shop, "ext-find"))
                .map(Order::id)
                .contains(order.id());
        assertThat(repository.findByShopDomainAndExternalId(shop, "ext-other")).isEmpty();
    }

    @Test
    void refusesASecondOrderWithTheSameExternalIdInTheSameShop() {
        String shop = newShop();
        store(accepted(shop, "ext-twice", ACCEPTED_AT));
        // The same external id in another shop is another order.
        store(accepted(newShop(), "ext-twice", ACCEPTED_AT));

        assertThatThrownBy(() -> repository.saveAndFlush(accepted(shop, "ext-twice", ACCEPTED_AT.plusSeconds(1))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("shop_order_external_id_uq");
    }

    @Test
    void keepsOrdersFromShopifyWithoutExternalIdApartByTheirShopifyId() {
        String shop = newShop();
        store(Order.fromShopify(snapshot(shop, 501L, ACCEPTED_AT, "one", null), ACCEPTED_AT));
        store(Order.fromShopify(snapshot(shop, 502L, ACCEPTED_AT, "two", null), ACCEPTED_AT));

        assertThat(repository.findForUpdate(shop, 502L)).map(Order::note).contains("two");
        assertThatThrownBy(() -> repository.saveAndFlush(
                        Order.fromShopify(snapshot(shop, 501L, ACCEPTED_AT, "again", null), ACCEPTED_AT)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("shop_order_shopify_id_uq");
    }

    @Test
    void findsAnOrderIdByItsShopifyIdWithinTheShopOnly() {
        String shop = newShop();
        Order stored = store(Order.fromShopify(snapshot(shop, 601L, ACCEPTED_AT, "one", null), ACCEPTED_AT));

        assertThat(orders.findIdByShopifyOrderId(shop, 601L)).contains(stored.id());
        assertThat(orders.findIdByShopifyOrderId(newShop(), 601L)).isEmpty();
        assertThat(orders.findIdByShopifyOrderId(shop, 602L)).isEmpty();
    }

    @Test
    void storesCustomerAddressesLinesAndTagsAsJsonAndReadsThemBackUnchanged() {
        Order order = store(accepted(newShop(), "ext-json", ACCEPTED_AT));
        entities.clear();

        Order read = repository.findById(order.id().value()).orElseThrow();

        assertThat(read).isNotSameAs(order);
        assertThat(read.customer()).isEqualTo(OrderFixtures.ADA);
        assertThat(read.shippingAddress()).isEqualTo(OrderFixtures.LONDON);
        assertThat(read.billingAddress()).isEqualTo(OrderFixtures.BILLING);
        assertThat(read.lineItems())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("unitPrice")
                .containsExactlyElementsOf(OrderFixtures.LINES);
        assertThat(read.lineItems())
                .extracting(LineItem::unitPrice)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("19.90"), new java.math.BigDecimal("5.05"));
        assertThat(read.tags()).containsExactly("wholesale", "priority");
        assertThat(read.totalPrice()).isEqualByComparingTo("54.95");
        assertThat(read.createdAt()).isEqualTo(ACCEPTED_AT);
        assertThat(read.version()).isZero();
        // Real JSON in jsonb columns, so that SQL (redaction, support queries) can look inside.
        assertThat(jdbc.sql("""
                        select jsonb_typeof(line_items) || ' ' || (line_items -> 1 ->> 'variantId')
                               || ' ' || (customer ->> 'email') || ' ' || (shipping_address ->> 'countryCode')
                        from shop_order where id = ?""").param(order.id().value()).query(String.class).single())
                .isEqualTo("array 4711 ada@example.com GB");
    }

    @Test
    void readsLinesStoredBeforeTheyHadShippingAndTaxSettings() {
        Order order = store(accepted(newShop(), "ext-old-lines", ACCEPTED_AT));
        jdbc.sql("""
                        update shop_order set line_items =
                          '[{"shopifyLineItemId": null, "sku": "ENGINE-1", "variantId": null,
                             "title": "Difference engine", "quantity": 2, "unitPrice": 19.90}]'::jsonb
                        where id = ?""").param(order.id().value()).update();

        Order read = repository.findById(order.id().value()).orElseThrow();

        assertThat(read.lineItems()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo("ENGINE-1");
            assertThat(line.requiresShipping()).isNull();
            assertThat(line.taxable()).isNull();
        });
    }

    @Test
    void storesCommercialTermsAndATotalsMismatchAndListsTheOrderForAttention() {
        var terms = ExpectedTotalsTest.terms(
                List.of(new CommercialTerms.LineTerms(
                        new CommercialTerms.LineDiscount(null, new java.math.BigDecimal("10"), "Trade fair"),
                        List.of(new CommercialTerms.TaxLine(
                                "VAT", new java.math.BigDecimal("0.2"), new java.math.BigDecimal("7.16"))))),
                List.of(),
                false,
                null,
                List.of(new CommercialTerms.Transaction("SALE", "manual", new java.math.BigDecimal("50"), "SUCCESS")));
        Order order = Order.accept(
                OrderId.newId(),
                newShop(),
                "ext-terms",
                OrderFixtures.ADA,
                OrderFixtures.LONDON,
                null,
                OrderFixtures.LINES,
                "GBP",
                null,
                null,
                terms,
                ACCEPTED_AT.minusSeconds(86_400),
                "hash",
                ACCEPTED_AT);
        order.markPushed("gid://shopify/Order/9", 9L, "#9", ACCEPTED_AT);
        var shopify = new OrderTotals(
                new java.math.BigDecimal("50.97"),
                java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ZERO,
                new java.math.BigDecimal("3.98"),
                new java.math.BigDecimal("50.97"),
                "PARTIALLY_PAID");
        assertThat(order.compareShopifyTotals(shopify, ACCEPTED_AT)).isTrue();
        store(order);
        entities.clear();

        Order read = repository.findById(order.id().value()).orElseThrow();

        assertThat(read.commercialTerms()).isEqualTo(terms);
        assertThat(read.processedAt()).isEqualTo(ACCEPTED_AT.minusSeconds(86_400));
        // 54.95 less 10 % of the first line (3.98), plus its 7.16 tax
        assertThat(read.totalPrice()).isEqualByComparingTo("58.13");
        assertThat(read.totalsMismatch()).isNotNull();
        assertThat(read.totalsMismatch().summary()).isEqualTo("tax 7.16 ≠ 0; total 58.13 ≠ 50.97");
        assertThat(orders.needingAttention(java.time.Duration.ofMinutes(15), 100))
                .extracting(Order::id)
                .contains(order.id());

        orders.markTotalsMismatchSeen(order.id());
        entities.flush();
        entities.clear();

        assertThat(orders.needingAttention(java.time.Duration.ofMinutes(15), 100))
                .extracting(Order::id)
                .doesNotContain(order.id());
        assertThat(repository.findById(order.id().value()).orElseThrow().totalsMismatchSeenAt())
                .isNotNull();
    }

    @Test
    void readsAnOrderStoredBeforeCommercialTermsAsCostingWhatItsLinesCost() {
        Order order = store(accepted(newShop(), "ext-no-terms", ACCEPTED_AT));
        entities.clear();

        Order read = repository.findById(order.id().value()).orElseThrow();

        assertThat(read.commercialTerms()).isEqualTo(CommercialTerms.NONE);
        assertThat(read.processedAt()).isNull();
        assertThat(read.totalsMismatch()).isNull();
        assertThat(read.expectedTotals().total()).isEqualByComparingTo("54.95");
    }

    @Test
    void storesAnOrderWithoutOptionalJsonAsNulls() {
        Order order = store(OrderFixtures.minimal(newShop(), "ext-minimal"));
        entities.clear();

        Order read = repository.findById(order.id().value()).orElseThrow();

        assertThat(read.billingAddress()).isNull();
        assertThat(read.note()).isNull();
        assertThat(read.tags()).isEmpty();
    }

    @Test
    void findsACustomersOrdersByCustomerOrByOrderIdWithinTheShopOnly() {
        String shop = newShop();
        Order byCustomer = store(Order.fromShopify(snapshot(shop, 601L, ACCEPTED_AT, "a", null), ACCEPTED_AT));
        store(Order.fromShopify(snapshot(newShop(), 602L, ACCEPTED_AT, "other shop", null), ACCEPTED_AT));

        assertThat(ids(repository.findCustomerOrders(shop, 7001L, List.of(-1L))))
                .containsExactly(byCustomer.id());
        assertThat(ids(repository.findCustomerOrders(shop, null, List.of(601L))))
                .containsExactly(byCustomer.id());
        assertThat(repository.findCustomerOrders(shop, 9999L, List.of(602L))).isEmpty();
    }

    /**
     * A new order has no version yet, which is how Spring Data tells it from a stored one: it is persisted, the same
     * instance, in one insert, neither read first nor merged into a copy. Intake, webhooks and shipments rely on it.
     */
    @Test
    void savingANewOrderInsertsItWithOneStatementWithoutReadingOrCopyingIt() {
        Statistics statistics = entities.getEntityManager()
                .getEntityManagerFactory()
                .unwrap(SessionFactory.class)
                .getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        Order order = accepted(newShop(), "ext-" + UUID.randomUUID(), ACCEPTED_AT);

        Order saved = repository.save(order);
        entities.flush();

        assertThat(saved).isSameAs(order);
        assertThat(statistics.getEntityInsertCount()).isOne();
        assertThat(statistics.getEntityLoadCount()).isZero();
        assertThat(statistics.getPrepareStatementCount()).isOne();
    }

    @Test
    void cancelsAnOrderInShopifyThroughTheOutboxOnceUnderTheOrdersLeaseJournallingEachSend() {
        Order pushed = accepted(newShop(), "ext-cancel", ACCEPTED_AT);
        pushed.markPushed("gid://shopify/Order/9", 9L, "#1009", ACCEPTED_AT);
        store(pushed);
        var request = new CancelOrderRequest("CUSTOMER", true, false, null, "phoned");

        assertThat(orders.cancel(pushed.id(), request).inShopify()).isTrue();
        entities.flush();

        assertThat(cancelRequests(pushed.id())).isOne();
        CancelLease first =
                orders.leaseCancel(pushed.id(), "first", Duration.ofMinutes(2)).orElseThrow();
        assertThat(first.sentAt()).isNull();
        assertThat(orders.leaseCancel(pushed.id(), "second", Duration.ofMinutes(2)))
                .isEmpty();
        assertThat(orders.recordCancelAttempt(first.lease())).isTrue();
        orders.releasePushLease(first.lease());
        assertThat(orders.leaseCancel(pushed.id(), "second", Duration.ofMinutes(2))
                        .orElseThrow()
                        .sentAt())
                .isNotNull();

        orders.cancel(pushed.id(), request);
        entities.flush();
        assertThat(cancelRequests(pushed.id()))
                .as("the same request again queues nothing")
                .isOne();
    }

    @Test
    void aWithdrawalWhileACreateMayHaveLeftQueuesTheCancellationOfTheCopyInShopify() {
        Order untouched = store(accepted(newShop(), "ext-untouched", ACCEPTED_AT));
        Order underWay = store(accepted(newShop(), "ext-under-way", ACCEPTED_AT));
        jdbc.sql("update shop_order set create_attempted_at = now() where id = :id")
                .param("id", underWay.id().value())
                .update();

        Order withdrawn = orders.cancel(underWay.id(), null).order();
        Order plain = orders.cancel(untouched.id(), null).order();
        entities.flush();

        assertThat(withdrawn.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(withdrawn.cancelState()).isEqualTo(CancellationState.REQUESTED);
        assertThat(cancelRequests(underWay.id())).isOne();
        assertThat(plain.cancelState()).isNull();
        assertThat(cancelRequests(untouched.id())).isZero();
    }

    @Test
    void listsOrdersWhoseCancellationShopifyRefusedAsNeedingAttention() {
        Order pushed = accepted(newShop(), "ext-refused", ACCEPTED_AT);
        pushed.markPushed("gid://shopify/Order/10", 10L, "#1010", ACCEPTED_AT);
        store(pushed);
        orders.cancel(pushed.id(), new CancelOrderRequest("STAFF", false, false, null, null));
        orders.cancelRefused(pushed.id(), "Shopify refused the cancellation (INVALID): fulfilled");
        entities.flush();

        assertThat(ids(orders.needingAttention(Duration.ofDays(3650), 10_000))).contains(pushed.id());
    }

    private long cancelRequests(OrderId id) {
        return jdbc.sql("select count(*) from push_outbox where kind = 'order-cancel' and subject_id = :id")
                .param("id", id.value())
                .query(Long.class)
                .single();
    }

    private Order store(Order order) {
        Order stored = repository.saveAndFlush(order);
        entities.detach(stored);
        return stored;
    }

    private static List<OrderId> ids(List<Order> orders) {
        return orders.stream().map(Order::id).toList();
    }

    private static String newShop() {
        return "repo-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
