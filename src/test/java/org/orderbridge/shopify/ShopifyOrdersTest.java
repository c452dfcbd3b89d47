package org.orderbridge.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.orderbridge.shopify.ShopifyFixtures.SHOP;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.simulator.RecordedRequest;
import org.orderbridge.shopify.simulator.RecordedRequest.Outcome;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedInventory;
import org.orderbridge.shopify.simulator.SimulatedOrder;

@Tag("unit")
class ShopifyOrdersTest {

    private static final long RED_SHIRT = 44_012_345_678L;
    private static final String WAREHOUSE = "gid://shopify/Location/1";

    private final ShopifySimulator simulator = ShopifyFixtures.simulator();
    private final ShopifyOrders orders = ShopifyFixtures.client(ShopifyFixtures.properties(simulator));

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void createsTheOrderWithSourceTagsAddressesLinesAndUniqueOrderIdMetafield() {
        OrderDraft draft = ShopifyFixtures.draft();

        PushOutcome outcome = orders.createOrder(draft);

        SimulatedOrder stored = simulator.store().orders(SHOP).getFirst();
        assertThat(outcome)
                .isEqualTo(new PushOutcome.Created(
                        stored.gid(), stored.legacyId(), stored.name(), ShopifyFixtures.totals(stored)));
        assertThat(stored.sourceName()).isEqualTo("orderbridge");
        assertThat(stored.sourceIdentifier()).isEqualTo(draft.orderId().toString());
        assertThat(stored.metafieldValue("orderbridge", "order_id"))
                .contains(draft.orderId().toString());
        assertThat(stored.input())
                .containsEntry("currency", "EUR")
                .containsEntry("email", "jane.doe@example.com")
                .containsEntry("note", "Leave at the door")
                .containsEntry("tags", List.of("orderbridge", "b2b"));
        assertThat((Map<String, Object>) stored.input().get("shippingAddress"))
                .containsEntry("countryCode", "DE")
                .containsEntry("provinceCode", "BE")
                .containsEntry("city", "Berlin")
                .doesNotContainKeys("country", "province");
        assertThat(stored.lineItems()).hasSize(2);
        assertThat(stored.lineItems().get(0))
                .containsEntry("variantId", "gid://shopify/ProductVariant/44012345678")
                .containsEntry("quantity", 2)
                .doesNotContainKey("title");
        assertThat(stored.lineItems().get(1))
                .containsEntry("title", "Custom engraving")
                .containsEntry("sku", "ENGRAVING")
                .containsEntry("priceSet", Map.of("shopMoney", Map.of("amount", "5.00", "currencyCode", "EUR")))
                .containsEntry("requiresShipping", false)
                .containsEntry("taxable", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void leavesAVariantsShippingAndTaxToTheVariant() {
        var variables = OrderCreateVariables.of(ShopifyFixtures.draft(), InventoryBehaviour.BYPASS);

        var lines = (List<Map<String, Object>>) ((Map<String, Object>) variables.get("order")).get("lineItems");
        assertThat(lines.getFirst()).doesNotContainKeys("requiresShipping", "taxable");
    }

    @Test
    void sendsACustomLineAsShippedAndTaxedUnlessTheDraftSaysOtherwise() {
        OrderDraft fixture = ShopifyFixtures.draft();
        OrderDraft draft = new OrderDraft(
                SHOP,
                fixture.orderId(),
                fixture.email(),
                null,
                null,
                null,
                null,
                null,
                "EUR",
                List.of(
                        new OrderDraft.Line(null, null, "Gift wrap", 1, BigDecimal.ONE, null, null),
                        new OrderDraft.Line(null, null, "Voucher", 1, BigDecimal.TEN, false, false)),
                null,
                null);

        orders.createOrder(draft);

        assertThat(simulator.store().orders(SHOP).getFirst().lineItems())
                .extracting(line -> line.get("requiresShipping"), line -> line.get("taxable"))
                .containsExactly(tuple(true, true), tuple(false, false));
    }

    @Test
    void claimsTheStockOfTheOrdersVariantsObeyingTheirInventoryPolicyByDefault() {
        simulator.store().inventory().stock(SHOP, RED_SHIRT, WAREHOUSE, 5);

        orders.createOrder(ShopifyFixtures.draft());

        assertThat(simulator.store().inventory().levels(SHOP, RED_SHIRT))
                .containsExactly(new SimulatedInventory.Level(WAREHOUSE, 3, 2));
    }

    @Test
    void leavesStockAloneInAShopWhoseOrdersBypassInventory() {
        simulator.store().inventory().stock(SHOP, RED_SHIRT, WAREHOUSE, 5);
        ShopifyOrders bypassing = ShopifyFixtures.client(ShopifyFixtures.properties(
                simulator,
                new ShopifyProperties.Inventory(
                        InventoryBehaviour.DECREMENT_OBEYING_POLICY,
                        Map.of(SHOP.toUpperCase(), InventoryBehaviour.BYPASS))));

        bypassing.createOrder(ShopifyFixtures.draft());

        assertThat(simulator.store().inventory().levels(SHOP, RED_SHIRT))
                .containsExactly(new SimulatedInventory.Level(WAREHOUSE, 5, 0));
    }

    @Test
    void reportsAnOrderRefusedForLackOfStockAsOutOfStockNamingTheLineAndLocationWithoutRetry() {
        simulator.store().inventory().stock(SHOP, RED_SHIRT, WAREHOUSE, 1);

        PushOutcome outcome = orders.createOrder(ShopifyFixtures.draft());

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        PushOutcome.OutOfStock.class,
                        outOfStock -> assertThat(outOfStock.reason())
                                .startsWith("line 1 (SKU SKU-RED-M, variant 44012345678): order.lineItems.0.quantity: ")
                                .contains(WAREHOUSE + " (1 available)"));
        assertThat(simulator.store().orders(SHOP)).isEmpty();
        assertThat(simulator.requests()).filteredOn(r -> r.isFor("orderCreate")).hasSize(1);
    }

    @Test
    void associatesTheOrderWithTheShopsCustomerOfItsEmailCreatingItWhenMissing() {
        OrderDraft fixture = ShopifyFixtures.draft();
        OrderDraft renamed = new OrderDraft(
                SHOP,
                UUID.randomUUID(),
                "JANE.DOE@example.com",
                null,
                "Janet",
                null,
                null,
                null,
                "EUR",
                fixture.lines(),
                null,
                null);

        orders.createOrder(fixture);
        orders.createOrder(renamed);

        assertThat(simulator.store().customers().list(SHOP)).singleElement().satisfies(customer -> {
            assertThat(customer.email()).isEqualTo("jane.doe@example.com");
            assertThat(customer.firstName()).isEqualTo("Janet");
            assertThat(customer.lastName()).isEqualTo("Doe");
        });
        assertThat(simulator.store().orders(SHOP))
                .extracting(order -> order.customer().email())
                .containsOnly("jane.doe@example.com");
    }

    @Test
    @SuppressWarnings("unchecked")
    void upsertsTheCustomerByEmailAndNamesButLeavesThePhoneOnTheOrder() {
        var order = (Map<String, Object>) OrderCreateVariables.of(ShopifyFixtures.draft(), InventoryBehaviour.BYPASS)
                .get("order");

        assertThat(order)
                .containsEntry(
                        "customer",
                        Map.of(
                                "toUpsert",
                                Map.of("email", "jane.doe@example.com", "firstName", "Jane", "lastName", "Doe")))
                .containsEntry("phone", "+49301234567");
    }

    @Test
    void createsTheUniqueOrderIdDefinitionOncePerShop() {
        orders.createOrder(ShopifyFixtures.draft());
        orders.createOrder(ShopifyFixtures.draft());

        assertThat(simulator.store().metafieldDefinition(SHOP, "ORDER", "orderbridge", "order_id"))
                .hasValueSatisfying(
                        definition -> assertThat(definition.uniqueValues()).isTrue());
        assertThat(simulator.requests())
                .filteredOn(r -> r.isFor("metafieldDefinitionCreate"))
                .hasSize(1);
        assertThat(simulator.requests())
                .filteredOn(r -> r.isFor("metafieldDefinition"))
                .hasSize(1);
    }

    @Test
    void secondCreateForTheSameOrderIdReturnsTheExistingOrder() {
        OrderDraft draft = ShopifyFixtures.draft();
        PushOutcome first = orders.createOrder(draft);

        PushOutcome second =
                ShopifyFixtures.client(ShopifyFixtures.properties(simulator)).createOrder(draft);

        assertThat(second).isEqualTo(first);
        assertThat(simulator.store().orders(SHOP)).hasSize(1);
    }

    @Test
    void userErrorsAreRejectedWithoutRetry() {
        PushOutcome outcome = orders.createOrder(ShopifyFixtures.draft(UUID.randomUUID(), "not-an-email"));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        PushOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("order.email: Email is invalid"));
        assertThat(simulator.store().orders(SHOP)).isEmpty();
        assertThat(simulator.requests()).filteredOn(r -> r.isFor("orderCreate")).hasSize(1);
    }

    @Test
    void wrongAccessTokenIsRejectedWithoutRetry() {
        ShopifyOrders misconfigured = ShopifyFixtures.client(ShopifyFixtures.properties(
                simulator,
                "shpat_revoked",
                Duration.ofSeconds(2),
                ShopifyFixtures.FAST_RETRY,
                ShopifyFixtures.LENIENT_BREAKER,
                ShopifyFixtures.STANDARD_BUDGET));

        PushOutcome outcome = misconfigured.createOrder(ShopifyFixtures.draft());

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        PushOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("HTTP 401"));
        assertThat(simulator.requests()).extracting(RecordedRequest::outcome).containsExactly(Outcome.UNAUTHORIZED);
    }

    @Test
    void draftsShopifyCouldNeverAcceptAreRejectedWithoutCallingShopify() {
        OrderDraft valid = ShopifyFixtures.draft();
        OrderDraft withoutLines = new OrderDraft(
                SHOP, UUID.randomUUID(), null, null, null, null, null, null, "EUR", List.of(), null, null);
        OrderDraft customLineWithoutPrice = new OrderDraft(
                SHOP,
                UUID.randomUUID(),
                null,
                null,
                null,
                null,
                null,
                null,
                "EUR",
                List.of(new OrderDraft.Line(null, null, "Gift wrap", 1, null, null, null)),
                null,
                null);
        OrderDraft badCurrency = new OrderDraft(
                SHOP, UUID.randomUUID(), null, null, null, null, null, null, "euro", valid.lines(), null, null);

        assertThat(List.of(withoutLines, customLineWithoutPrice, badCurrency))
                .allSatisfy(draft -> assertThat(orders.createOrder(draft)).isInstanceOf(PushOutcome.Rejected.class));
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void unknownShopIsRejectedAndNotKnown() {
        OrderDraft draft = ShopifyFixtures.draft();
        OrderDraft elsewhere = new OrderDraft(
                "other.myshopify.com",
                draft.orderId(),
                draft.email(),
                null,
                null,
                null,
                null,
                null,
                "EUR",
                draft.lines(),
                null,
                null);

        assertThat(orders.knowsShop(SHOP)).isTrue();
        assertThat(orders.knowsShop("other.myshopify.com")).isFalse();
        assertThat(orders.createOrder(elsewhere)).isInstanceOf(PushOutcome.Rejected.class);
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void existingOrderIdDefinitionWithoutUniquenessIsRejectedRatherThanRiskingDuplicates() {
        simulator
                .store()
                .addMetafieldDefinition(SHOP, "ORDER", "orderbridge", "order_id", "single_line_text_field", false);

        PushOutcome outcome = orders.createOrder(ShopifyFixtures.draft());

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        PushOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("uniqueValues"));
        assertThat(simulator.store().orders(SHOP)).isEmpty();
    }
}
