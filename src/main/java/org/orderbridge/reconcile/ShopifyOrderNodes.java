package org.orderbridge.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.orderbridge.order.Address;
import org.orderbridge.order.Customer;
import org.orderbridge.order.LineItem;
import org.orderbridge.order.ShopifyOrderSnapshot;
import tools.jackson.databind.JsonNode;

/**
 * Maps an Admin GraphQL {@code Order} node (the shape of {@code ShopifyOrderFeed.ORDER_FRAGMENT}) onto the snapshot a
 * webhook of the same order produces, value for value, so that an order read by reconciliation or backfill is stored
 * exactly as its webhook would have stored it. GraphQL spells some values differently from the webhooks' REST JSON
 * (enums in capitals, tags as a list, ids as GIDs); each is converted to the REST form here.
 */
public final class ShopifyOrderNodes {

    private ShopifyOrderNodes() {}

    /**
     * @param node an {@code Order} node; its line items may be a connection with {@code nodes} or with
     *     {@code edges[].node} (as a bulk operation's query selects them), or a plain array
     * @throws UnmappableOrderNodeException when the node lacks an id, currency or update time, or carries a malformed
     *     value
     */
    public static ShopifyOrderSnapshot snapshot(String shop, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new UnmappableOrderNodeException("an order node must be a JSON object");
        }
        String gid = text(node, "id");
        Long legacyId = legacyId(node.path("legacyResourceId"));
        if (legacyId == null) {
            legacyId = gid == null ? null : idOfGid(gid);
        }
        if (legacyId == null) {
            throw new UnmappableOrderNodeException("order node has no legacyResourceId or id");
        }
        JsonNode customer = node.path("customer");
        return new ShopifyOrderSnapshot(
                shop,
                legacyId,
                gid,
                text(node, "name"),
                customer(node, customer),
                customer.isObject() ? customerId(customer) : null,
                address(node.path("shippingAddress")),
                address(node.path("billingAddress")),
                lineItems(node.path("lineItems")),
                currency(node),
                money(node.path("totalPriceSet"), "totalPriceSet"),
                lowerCase(text(node, "displayFinancialStatus")),
                fulfillmentStatus(text(node, "displayFulfillmentStatus")),
                instant(node, "cancelledAt"),
                lowerCase(text(node, "cancelReason")),
                text(node, "note"),
                tags(node.path("tags")),
                requiredInstant(node, "updatedAt"),
                text(node, "sourceName"),
                text(node, "sourceIdentifier"));
    }

    /**
     * Whether the node's line-item page left lines out ({@code lineItems.pageInfo.hasNextPage}); such an order must be
     * read again with all its lines before it is applied.
     */
    public static boolean hasMoreLineItems(JsonNode node) {
        return node.path("lineItems").path("pageInfo").path("hasNextPage").asBoolean(false);
    }

    /** A webhook takes the buyer's e-mail and phone from the order first, then from the customer. */
    private static @Nullable Customer customer(JsonNode order, JsonNode customer) {
        String email = text(order, "email");
        if (!customer.isObject() && email == null) {
            return null;
        }
        String phone = text(order, "phone");
        return new Customer(
                email != null ? email : text(customer.path("defaultEmailAddress"), "emailAddress"),
                text(customer, "firstName"),
                text(customer, "lastName"),
                phone != null ? phone : text(customer.path("defaultPhoneNumber"), "phoneNumber"));
    }

    private static @Nullable Long customerId(JsonNode customer) {
        Long id = legacyId(customer.path("legacyResourceId"));
        String gid = text(customer, "id");
        return id != null || gid == null ? id : idOfGid(gid);
    }

    private static @Nullable Address address(JsonNode json) {
        if (!json.isObject()) {
            return null;
        }
        return new Address(
                text(json, "firstName"),
                text(json, "lastName"),
                text(json, "company"),
                text(json, "address1"),
                text(json, "address2"),
                text(json, "city"),
                text(json, "province"),
                text(json, "provinceCode"),
                text(json, "zip"),
                text(json, "country"),
                text(json, "countryCodeV2"),
                text(json, "phone"));
    }

    private static List<LineItem> lineItems(JsonNode connection) {
        var items = new ArrayList<LineItem>();
        for (JsonNode line : lines(connection)) {
            String gid = text(line, "id");
            JsonNode quantity = line.path("quantity");
            if (!quantity.isMissingNode() && !quantity.isNull() && !quantity.canConvertToInt()) {
                throw new UnmappableOrderNodeException("'quantity' of a line item is not a number of items");
            }
            items.add(new LineItem(
                    gid == null ? null : idOfGid(gid),
                    text(line, "sku"),
                    legacyId(line.path("variant").path("legacyResourceId")),
                    text(line, "title"),
                    quantity.asInt(0),
                    money(line.path("originalUnitPriceSet"), "originalUnitPriceSet")));
        }
        return items;
    }

    private static List<JsonNode> lines(JsonNode connection) {
        var lines = new ArrayList<JsonNode>();
        if (connection.isArray()) {
            connection.forEach(lines::add);
        } else if (connection.path("nodes").isArray()) {
            connection.path("nodes").forEach(lines::add);
        } else {
            connection.path("edges").forEach(edge -> lines.add(edge.path("node")));
        }
        return lines;
    }

    /**
     * REST knows only fulfilled, partial and restocked; every other GraphQL status is an order not (yet) fulfilled,
     * which a webhook carries as null.
     */
    private static @Nullable String fulfillmentStatus(@Nullable String display) {
        if (display == null) {
            return null;
        }
        return switch (display) {
            case "FULFILLED" -> "fulfilled";
            case "PARTIALLY_FULFILLED" -> "partial";
            case "RESTOCKED" -> "restocked";
            default -> null;
        };
    }

    private static List<String> tags(JsonNode tags) {
        var list = new ArrayList<String>();
        for (JsonNode tag : tags) {
            // A webhook's tags are one comma-separated string; the same cleaning keeps both sources equal.
            String value = tag.isString() ? tag.asString().trim() : "";
            if (!value.isEmpty()) {
                list.add(value);
            }
        }
        return list;
    }

    private static String currency(JsonNode node) {
        String currency = text(node, "currencyCode");
        if (currency == null) {
            throw new UnmappableOrderNodeException("order node has no 'currencyCode'");
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new UnmappableOrderNodeException("'currencyCode' is not an ISO 4217 code");
        }
        return currency;
    }

    private static @Nullable BigDecimal money(JsonNode moneyBag, String field) {
        String amount = text(moneyBag.path("shopMoney"), "amount");
        try {
            return amount == null ? null : new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new UnmappableOrderNodeException("'" + field + "' is not a decimal amount");
        }
    }

    private static @Nullable String lowerCase(@Nullable String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** UnsignedInt64 arrives as a string, but a number is accepted too. */
    private static @Nullable Long legacyId(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isString() && node.asString().matches("\\d{1,18}")) {
            return Long.parseLong(node.asString());
        }
        return null;
    }

    /** {@code gid://shopify/Order/123} → 123. */
    private static Long idOfGid(String gid) {
        String tail = gid.substring(gid.lastIndexOf('/') + 1);
        int query = tail.indexOf('?');
        tail = query < 0 ? tail : tail.substring(0, query);
        if (!tail.matches("\\d{1,18}")) {
            throw new UnmappableOrderNodeException("'" + gid + "' is not a Shopify GID with a numeric id");
        }
        return Long.parseLong(tail);
    }

    private static @Nullable String text(JsonNode json, String field) {
        JsonNode node = json.path(field);
        return node.isValueNode() && !node.isNull() ? node.asString() : null;
    }

    private static @Nullable Instant instant(JsonNode json, String field) {
        String value = text(json, field);
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnmappableOrderNodeException("'" + field + "' is not an ISO-8601 timestamp");
        }
    }

    private static Instant requiredInstant(JsonNode json, String field) {
        Instant value = instant(json, field);
        if (value == null) {
            throw new UnmappableOrderNodeException("order node has no '" + field + "'");
        }
        return value;
    }
}
