package org.orderbridge.shopify.simulator;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Orders and metafield definitions per shop; each shop's changes are serialised, as uniqueness checks require. */
public final class SimulatedStore {

    private final Map<String, ShopData> shops = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(5_100_000_000_000L);
    private volatile boolean uniqueValuesEnforced = true;

    /**
     * Switches off (or on again) the refusal of a second order with the same value of a unique metafield, which
     * Shopify enforces. Off, a test proves that the caller's own guards keep Shopify from holding two orders, rather
     * than Shopify's.
     */
    public void setUniqueValuesEnforced(boolean enforced) {
        this.uniqueValuesEnforced = enforced;
    }

    private final Set<String> shopsNotTaxingShipping = ConcurrentHashMap.newKeySet();

    /**
     * The shop's "Charge tax on shipping rates" setting (Settings > Taxes and duties,
     * https://help.shopify.com/en/manual/taxes/shipping), on unless switched off: off, the shop's orders carry no tax on
     * their shipping lines, whatever the order asked for, so that an order adds up to less in Shopify than its sender
     * thought.
     */
    public void setChargesTaxOnShipping(String shop, boolean charges) {
        if (charges) {
            shopsNotTaxingShipping.remove(shop);
        } else {
            shopsNotTaxingShipping.add(shop);
        }
    }

    private final SimulatedFulfillments fulfillments = new SimulatedFulfillments(this);
    private final OrderRevisions revisions = new OrderRevisions();

    /** What changed on the orders since they were created. */
    public OrderRevisions revisions() {
        return revisions;
    }

    private final SimulatedBulkOperations bulkOperations = new SimulatedBulkOperations(this);

    /** Bulk query operations and their result files. */
    public SimulatedBulkOperations bulkOperations() {
        return bulkOperations;
    }

    /** The orders' fulfillment orders and fulfillments. */
    public SimulatedFulfillments fulfillments() {
        return fulfillments;
    }

    private final SimulatedWebhookSubscriptions webhookSubscriptions = new SimulatedWebhookSubscriptions();

    private final SimulatedFulfillmentServices fulfillmentServices = new SimulatedFulfillmentServices();

    /** The fulfillment services the app registered, each with its location. */
    public SimulatedFulfillmentServices fulfillmentServices() {
        return fulfillmentServices;
    }

    private final SimulatedInventory inventory = new SimulatedInventory();
    private final SimulatedCancellations cancellations = new SimulatedCancellations(this);
    private final SimulatedInstallations installations = new SimulatedInstallations();

    /** The app's installation in each shop: granted scopes, API version headers. */
    public SimulatedInstallations installations() {
        return installations;
    }

    /** orderCancel and its jobs. */
    SimulatedCancellations cancellations() {
        return cancellations;
    }

    /** The GIDs of the orders that orderCancel cancelled, one entry per cancellation. */
    public List<String> cancelledOrders() {
        return cancellations.cancelledOrders();
    }

    private final SimulatedCustomers customers = new SimulatedCustomers();

    /** The shops' customers, by e-mail address, which orderCreate creates, updates and associates. */
    public SimulatedCustomers customers() {
        return customers;
    }

    /** The variants' stock per location, which orderCreate claims. */
    public SimulatedInventory inventory() {
        return inventory;
    }

    /** The app's webhook subscriptions in each shop. */
    public SimulatedWebhookSubscriptions webhookSubscriptions() {
        return webhookSubscriptions;
    }

    /**
     * An order created by hand in the Shopify admin (not through orderCreate): Shopify's own orders. It leaves stock
     * alone, so tests about other things need not stock what such orders sell.
     */
    public SimulatedOrder createOrderInAdmin(String shop, Map<String, Object> input) {
        Result<SimulatedOrder> result = createOrder(shop, input, SimulatedInventory.BYPASS);
        if (result.value() == null) {
            throw new IllegalArgumentException(String.valueOf(result.userError()));
        }
        return result.value();
    }

    public List<SimulatedOrder> orders(String shop) {
        return shop(shop).orders();
    }

    public List<SimulatedOrder> allOrders() {
        return shops.values().stream().flatMap(s -> s.orders().stream()).toList();
    }

    public Optional<SimulatedMetafieldDefinition> metafieldDefinition(
            String shop, String ownerType, String namespace, String key) {
        return shop(shop).definition(ownerType, namespace, key);
    }

    /** Seeds a definition directly, e.g. one created by a merchant without the uniqueValues capability. */
    public SimulatedMetafieldDefinition addMetafieldDefinition(
            String shop, String ownerType, String namespace, String key, String type, boolean uniqueValues) {
        var definition =
                new SimulatedMetafieldDefinition(ids.incrementAndGet(), ownerType, namespace, key, type, uniqueValues);
        shop(shop).add(definition);
        return definition;
    }

    /** Returns the created definition, or a userError in Shopify's shape. */
    Result<SimulatedMetafieldDefinition> createMetafieldDefinition(
            String shop, String ownerType, String namespace, String key, String type, boolean uniqueValues) {
        ShopData data = shop(shop);
        synchronized (data) {
            if (data.definition(ownerType, namespace, key).isPresent()) {
                return Result.refused(
                        List.of("definition", "key"),
                        "TAKEN",
                        "Key is in use for " + ownerType.toLowerCase() + " metafields on the '" + namespace
                                + "' namespace.");
            }
            return Result.ok(addMetafieldDefinition(shop, ownerType, namespace, key, type, uniqueValues));
        }
    }

    /** Creates the order, or refuses it with a userError in Shopify's shape; stock is claimed as {@code inventoryBehaviour} says. */
    @SuppressWarnings("unchecked")
    Result<SimulatedOrder> createOrder(String shop, Map<String, Object> input, String inventoryBehaviour) {
        ShopData data = shop(shop);
        synchronized (data) {
            Object email = input.get("email");
            if (email != null && !isEmail(email.toString())) {
                return Result.refused(List.of("order", "email"), "INVALID", "Email is invalid");
            }
            List<Map<String, Object>> lines = (List<Map<String, Object>>) input.getOrDefault("lineItems", List.of());
            if (lines == null || lines.isEmpty()) {
                return Result.refused(List.of("order", "lineItems"), "INVALID", "Line items can't be blank");
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).get("variantId") == null && lines.get(i).get("title") == null) {
                    return Result.refused(
                            List.of("order", "lineItems", Integer.toString(i), "title"),
                            "INVALID",
                            "Title can't be blank when no variant is given");
                }
            }
            Map<String, Object> moneyRefusal = SimulatedOrderInputs.refusal(input);
            if (moneyRefusal != null) {
                return new Result<>(null, moneyRefusal);
            }
            List<Map<String, Object>> metafields =
                    (List<Map<String, Object>>) input.getOrDefault("metafields", List.of());
            for (int i = 0; metafields != null && i < metafields.size(); i++) {
                Map<String, Object> metafield = metafields.get(i);
                var definition =
                        data.definition("ORDER", (String) metafield.get("namespace"), (String) metafield.get("key"));
                if (uniqueValuesEnforced
                        && definition.isPresent()
                        && definition.get().uniqueValues()
                        && data.orderByMetafield(definition.get(), (String) metafield.get("value"))
                                .isPresent()) {
                    // Real wording unknown; OrderBridge must not depend on it.
                    return Result.refused(
                            List.of("order", "metafields", Integer.toString(i), "value"),
                            "INVALID",
                            "Value is already in use by another order");
                }
            }
            SimulatedCustomers.Plan customer = customers.plan(shop, input);
            if (customer.refusal() != null) {
                return new Result<>(null, customer.refusal());
            }
            long id = ids.incrementAndGet();
            Map<String, Object> outOfStock =
                    inventory.claim(shop, "gid://shopify/Order/" + id, lines, inventoryBehaviour);
            if (outOfStock != null) {
                return new Result<>(null, outOfStock);
            }
            var order = new SimulatedOrder(
                    shop,
                    id,
                    "#" + (1001 + data.orders().size()),
                    // Microseconds, as PostgreSQL keeps them: a stored time then equals the one Shopify reports.
                    OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                    new LinkedHashMap<>(input),
                    customer.apply(),
                    SimulatedTotals.of(input, !shopsNotTaxingShipping.contains(shop)));
            data.add(order);
            return Result.ok(order);
        }
    }

    static boolean isEmail(String email) {
        return email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }

    Optional<SimulatedOrder> orderByCustomId(String shop, String namespace, String key, String value) {
        ShopData data = shop(shop);
        return data.definition("ORDER", namespace, key)
                .filter(SimulatedMetafieldDefinition::uniqueValues)
                .flatMap(definition -> data.orderByMetafield(definition, value));
    }

    Optional<SimulatedOrder> orderById(String shop, String gid) {
        return orders(shop).stream().filter(o -> o.gid().equals(gid)).findFirst();
    }

    private ShopData shop(String shop) {
        return shops.computeIfAbsent(shop, s -> new ShopData());
    }

    record Result<T>(T value, Map<String, Object> userError) {
        static <T> Result<T> ok(T value) {
            return new Result<>(value, null);
        }

        static <T> Result<T> refused(List<String> field, String code, String message) {
            return new Result<>(null, Map.of("field", field, "code", code, "message", message));
        }
    }

    private static final class ShopData {
        private final List<SimulatedOrder> orders = new ArrayList<>();
        private final List<SimulatedMetafieldDefinition> definitions = new ArrayList<>();

        synchronized List<SimulatedOrder> orders() {
            return List.copyOf(orders);
        }

        synchronized void add(SimulatedOrder order) {
            orders.add(order);
        }

        synchronized void add(SimulatedMetafieldDefinition definition) {
            definitions.add(definition);
        }

        synchronized Optional<SimulatedMetafieldDefinition> definition(String ownerType, String namespace, String key) {
            return definitions.stream()
                    .filter(d -> d.ownerType().equals(ownerType)
                            && Objects.equals(d.namespace(), namespace)
                            && d.key().equals(key))
                    .findFirst();
        }

        synchronized Optional<SimulatedOrder> orderByMetafield(SimulatedMetafieldDefinition definition, String value) {
            return orders.stream()
                    .filter(o -> o.metafieldValue(definition.namespace(), definition.key())
                            .filter(value::equals)
                            .isPresent())
                    .findFirst();
        }
    }
}
