package org.orderbridge.reconcile;

import static org.awaitility.Awaitility.await;
import static org.orderbridge.push.PushFixtures.ADMIN_KEY;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.shopify.simulator.ShopifySimulator;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Orders made in the simulated Shopify admin (no webhook sent), and the backfill API. */
public final class BackfillFixtures {

    public static final Duration WAIT = Duration.ofSeconds(60);

    private BackfillFixtures() {}

    /** Orders that exist only in Shopify: their webhooks never arrived. */
    public static List<SimulatedOrder> ordersOnlyInShopify(ShopifySimulator shopify, String shop, int count) {
        var orders = new ArrayList<SimulatedOrder>(count);
        for (int i = 0; i < count; i++) {
            orders.add(shopify.store().createOrderInAdmin(shop, orderInput(shop, i)));
        }
        return orders;
    }

    /** An order with one line item, as a merchant would create it in the admin. */
    public static Map<String, Object> orderInput(String shop, int number) {
        var address = Map.<String, Object>of(
                "firstName", "Grace",
                "lastName", "Hopper",
                "address1", "1 Compiler Road",
                "city", "Arlington",
                "zip", "22201",
                "countryCode", "US");
        return Map.of(
                "email",
                "backfill-" + number + "@example.com",
                "currency",
                "USD",
                "note",
                "backfill " + shop + " #" + number,
                "shippingAddress",
                address,
                "billingAddress",
                address,
                "lineItems",
                List.of(Map.of(
                        "title",
                        "Notebook",
                        "sku",
                        "NB-" + (number % 7),
                        "quantity",
                        1 + number % 3,
                        "priceSet",
                        Map.of("shopMoney", Map.of("amount", "4.50", "currencyCode", "USD")))));
    }

    public static ResponseEntity<JsonNode> requestBackfill(EndToEndFixtures e2e, String shop, String since) {
        return e2e.call(HttpMethod.POST, "/api/v1/admin/shops/" + shop + "/backfill?since=" + since, ADMIN_KEY);
    }

    public static ResponseEntity<JsonNode> requestBackfill(EndToEndFixtures e2e, String shop, Instant since) {
        return requestBackfill(e2e, shop, since.toString());
    }

    public static JsonNode backfill(EndToEndFixtures e2e, String location) {
        return e2e.call(HttpMethod.GET, location, ADMIN_KEY).getBody();
    }

    public static JsonNode awaitState(EndToEndFixtures e2e, String location, String state) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> state.equals(backfill(e2e, location).path("state").asString()));
        return backfill(e2e, location);
    }

    /** Bulk query operations the service started in the shop. */
    public static long bulkOperationsStarted(ShopifySimulator shopify, String shop) {
        return shopify.store().bulkOperations().started(shop);
    }
}
