package org.orderbridge.push;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.orderbridge.shopify.OrderDraft;
import org.orderbridge.shopify.PushOutcome;
import org.orderbridge.shopify.ShopifyOrders;
import org.orderbridge.shopify.ShopifyUnavailableException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Shared fixtures of the push and intake tests. {@link FakeShopify} stands in for the Shopify client until
 * branch shopify lands; at merge it gives way to the real client against the HTTP simulator.
 */
public final class PushFixtures {

    public static final String SHOP = "ob-test.myshopify.com";
    public static final String ADMIN_KEY = "local-admin-key-0001";
    public static final String WRITE_KEY = "local-write-key-0001";
    public static final String READ_KEY = "local-read-key-00001";

    private PushFixtures() {
    }

    public static HttpHeaders headers(String apiKey) {
        var headers = new HttpHeaders();
        headers.set("X-API-Key", apiKey);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    /** A valid order request; tests change what they are about. */
    public static Map<String, Object> orderRequest(String externalId, String email) {
        var address = Map.of("firstName", "Ada", "lastName", "Lovelace", "address1", "1 Analytical Way",
                "city", "London", "zip", "N1 9GU", "countryCode", "GB");
        return new java.util.HashMap<>(Map.of(
                "externalId", externalId,
                "shop", SHOP,
                "customer", Map.of("email", email, "firstName", "Ada", "lastName", "Lovelace"),
                "shippingAddress", address,
                "billingAddress", address,
                "lineItems", List.of(Map.of("sku", "ENGINE-1", "title", "Difference engine", "quantity", 2,
                        "unitPrice", "19.90")),
                "currency", "GBP",
                "note", "leave at the door",
                "tags", List.of("test")));
    }

    /** An in-memory Shopify: creates every order unless told otherwise for a customer email; records calls. */
    public static class FakeShopify implements ShopifyOrders {

        private final Queue<OrderDraft> calls = new ConcurrentLinkedQueue<>();
        private final Map<String, Function<OrderDraft, PushOutcome>> byEmail = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong(5_000_000_000L);

        @Override
        public PushOutcome createOrder(OrderDraft draft) {
            calls.add(draft);
            var behaviour = byEmail.get(draft.email());
            if (behaviour != null) {
                return behaviour.apply(draft);
            }
            long id = ids.incrementAndGet();
            return new PushOutcome.Created("gid://shopify/Order/" + id, id, "#" + (id % 100_000));
        }

        @Override
        public boolean knowsShop(String shopDomain) {
            return SHOP.equals(shopDomain);
        }

        public void reject(String email, String reason) {
            byEmail.put(email, draft -> new PushOutcome.Rejected(reason));
        }

        public void beUnavailable(String email) {
            byEmail.put(email, draft -> {
                throw new ShopifyUnavailableException("HTTP 503 from Shopify", null, null);
            });
        }

        public void recover(String email) {
            byEmail.remove(email);
        }

        public List<OrderDraft> callsFor(String email) {
            return calls.stream().filter(d -> email.equals(d.email())).toList();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class FakeShopifyConfiguration {

        @Bean
        FakeShopify fakeShopify() {
            return new FakeShopify();
        }
    }
}
