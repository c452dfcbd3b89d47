package org.orderbridge.webhook;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.orderbridge.order.Address;
import org.orderbridge.order.Customer;
import org.orderbridge.order.LineItem;
import org.orderbridge.order.ShopifyOrderSnapshot;
import org.orderbridge.shipment.ShopifyFulfillmentSnapshot;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads Shopify's webhook payloads (REST resource JSON). A payload missing what we rely on is unprocessable. */
final class ShopifyPayloads {

    // Compiled once: String.matches compiles its pattern on every call, i.e. for every webhook.
    private static final String FULFILLMENT_ORDER_GID = "gid://shopify/FulfillmentOrder/";
    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,18}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private ShopifyPayloads() {}

    static JsonNode parse(ObjectMapper mapper, byte[] payload) {
        try {
            JsonNode json = mapper.readTree(payload);
            if (json == null || !json.isObject()) {
                throw new UnprocessableWebhookException("payload is not a JSON object");
            }
            return json;
        } catch (JacksonException e) {
            throw new UnprocessableWebhookException("payload is not well-formed JSON");
        }
    }

    static ShopifyOrderSnapshot order(String shop, JsonNode json) {
        long id = requiredId(json, "id");
        JsonNode customer = json.path("customer");
        String email = text(json, "email");
        Customer buyer = customer.isObject() || email != null
                ? new Customer(
                        email != null ? email : text(customer, "email"),
                        text(customer, "first_name"),
                        text(customer, "last_name"),
                        text(json, "phone") != null ? text(json, "phone") : text(customer, "phone"))
                : null;
        return new ShopifyOrderSnapshot(
                shop,
                id,
                text(json, "admin_graphql_api_id"),
                text(json, "name"),
                buyer,
                customer.isObject() ? optionalId(customer, "id") : null,
                address(json.path("shipping_address")),
                address(json.path("billing_address")),
                lineItems(json.path("line_items")),
                currency(json),
                decimal(json, "total_price"),
                text(json, "financial_status"),
                text(json, "fulfillment_status"),
                instant(json, "cancelled_at"),
                text(json, "cancel_reason"),
                text(json, "note"),
                tags(text(json, "tags")),
                requiredInstant(json, "updated_at"),
                text(json, "source_name"),
                text(json, "source_identifier"));
    }

    static ShopifyFulfillmentSnapshot fulfillment(String shop, JsonNode json) {
        var numbers = new ArrayList<String>();
        json.path("tracking_numbers").forEach(n -> numbers.add(n.asString()));
        return new ShopifyFulfillmentSnapshot(
                shop,
                requiredId(json, "id"),
                requiredId(json, "order_id"),
                text(json, "status"),
                text(json, "shipment_status"),
                text(json, "tracking_company"),
                numbers,
                requiredInstant(json, "updated_at"),
                optionalId(json, "location_id"));
    }

    /** A {@code products/update} payload: the product and what its variants are now. */
    static ProductChange product(JsonNode json) {
        var variantIds = new ArrayList<Long>();
        var skus = new ArrayList<String>();
        for (JsonNode variant : json.path("variants")) {
            Long id = optionalId(variant, "id");
            if (id != null) {
                variantIds.add(id);
            }
            String sku = text(variant, "sku");
            if (sku != null && !sku.isBlank()) {
                skus.add(sku);
            }
        }
        return new ProductChange(requiredId(json, "id"), variantIds, skus);
    }

    record ProductChange(long productId, List<Long> variantIds, List<String> skus) {}

    /**
     * Every fulfillment order a {@code fulfillment_orders/*} payload names, wherever it names it: {@code moved} names
     * {@code original_fulfillment_order} and {@code moved_fulfillment_order}, {@code split} {@code fulfillment_order}
     * and {@code remaining_fulfillment_order}, {@code merged} each of {@code fulfillment_order_merges}, {@code cancelled}
     * {@code fulfillment_order} and {@code replacement_fulfillment_order}; all as gids. An id given as a number, under a
     * key naming a fulfillment order, is taken as that fulfillment order's.
     *
     * @throws UnprocessableWebhookException when the payload names none
     */
    static Set<String> fulfillmentOrderGids(JsonNode json) {
        var gids = new LinkedHashSet<String>();
        collectFulfillmentOrders(json, false, gids);
        if (gids.isEmpty()) {
            throw new UnprocessableWebhookException("payload names no fulfillment order");
        }
        return gids;
    }

    private static void collectFulfillmentOrders(JsonNode node, boolean underFulfillmentOrder, Set<String> gids) {
        if (node.isArray()) {
            node.forEach(element -> collectFulfillmentOrders(element, underFulfillmentOrder, gids));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode id = node.path("id");
        if (id.isString() && id.asString().startsWith(FULFILLMENT_ORDER_GID)) {
            gids.add(id.asString());
        } else if (underFulfillmentOrder && optionalId(node, "id") != null) {
            gids.add(FULFILLMENT_ORDER_GID + optionalId(node, "id"));
        }
        for (var field : node.properties()) {
            if (field.getValue().isObject() || field.getValue().isArray()) {
                collectFulfillmentOrders(field.getValue(), field.getKey().endsWith("fulfillment_order"), gids);
            }
        }
    }

    /** The order an {@code orders/edited} payload's {@code order_edit} belongs to. */
    static long editedOrderId(JsonNode json) {
        return requiredId(json.path("order_edit"), "order_id");
    }

    /**
     * The fulfillment order a request webhook is about: fulfillment_request_submitted names the one submitted (and the
     * original it was split from, the same when the whole of it was requested), cancellation_request_submitted names it
     * as {@code fulfillment_order}.
     */
    static String requestedFulfillmentOrder(JsonNode json) {
        for (String field : List.of("submitted_fulfillment_order", "fulfillment_order", "original_fulfillment_order")) {
            JsonNode id = json.path(field).path("id");
            if (id.isString() && id.asString().startsWith("gid://shopify/FulfillmentOrder/")) {
                return id.asString();
            }
        }
        throw new UnprocessableWebhookException("payload names no requested fulfillment order");
    }

    static @Nullable String merchantMessage(JsonNode json) {
        JsonNode message = json.path("fulfillment_order_merchant_request").path("message");
        return message.isString() ? message.asString() : null;
    }

    static long requiredId(JsonNode json, String field) {
        Long id = optionalId(json, field);
        if (id == null) {
            throw new UnprocessableWebhookException("payload has no numeric '" + field + "'");
        }
        return id;
    }

    static @Nullable Long optionalId(JsonNode json, String field) {
        JsonNode node = json.path(field);
        if (node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isString() && NUMERIC_ID.matcher(node.asString()).matches()) {
            return Long.parseLong(node.asString());
        }
        return null;
    }

    private static @Nullable Address address(JsonNode json) {
        if (!json.isObject()) {
            return null;
        }
        return new Address(
                text(json, "first_name"),
                text(json, "last_name"),
                text(json, "company"),
                text(json, "address1"),
                text(json, "address2"),
                text(json, "city"),
                text(json, "province"),
                text(json, "province_code"),
                text(json, "zip"),
                text(json, "country"),
                text(json, "country_code"),
                text(json, "phone"));
    }

    private static List<LineItem> lineItems(JsonNode json) {
        var items = new ArrayList<LineItem>();
        for (JsonNode line : json) {
            items.add(new LineItem(
                    optionalId(line, "id"),
                    text(line, "sku"),
                    optionalId(line, "variant_id"),
                    text(line, "title"),
                    quantity(line),
                    decimal(line, "price")));
        }
        return items;
    }

    /** Lenient like the rest (a missing quantity reads as 0), but never an error that a retry could not fix. */
    private static int quantity(JsonNode line) {
        try {
            return line.path("quantity").asInt();
        } catch (JacksonException e) {
            throw new UnprocessableWebhookException("'quantity' of a line item is not a number of items");
        }
    }

    private static List<String> tags(@Nullable String tags) {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(tags.split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    static @Nullable String text(JsonNode json, String field) {
        JsonNode node = json.path(field);
        return node.isValueNode() && !node.isNull() ? node.asString() : null;
    }

    private static String currency(JsonNode json) {
        String currency = required(json, "currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new UnprocessableWebhookException("'currency' is not an ISO 4217 code");
        }
        return currency;
    }

    private static String required(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null) {
            throw new UnprocessableWebhookException("payload has no '" + field + "'");
        }
        return value;
    }

    private static @Nullable BigDecimal decimal(JsonNode json, String field) {
        String value = text(json, field);
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new UnprocessableWebhookException("'" + field + "' is not a decimal");
        }
    }

    private static @Nullable Instant instant(JsonNode json, String field) {
        String value = text(json, field);
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnprocessableWebhookException("'" + field + "' is not an ISO-8601 timestamp");
        }
    }

    private static Instant requiredInstant(JsonNode json, String field) {
        Instant value = instant(json, field);
        if (value == null) {
            throw new UnprocessableWebhookException("payload has no '" + field + "'");
        }
        return value;
    }
}
