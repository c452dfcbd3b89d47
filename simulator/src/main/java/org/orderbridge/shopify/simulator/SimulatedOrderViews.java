package org.orderbridge.shopify.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An order in its current revision, as the two APIs show it: the REST JSON of the order webhooks, and the Admin
 * GraphQL {@code Order} node. Both are built from the same values, so what the service stores from either is equal.
 */
public final class SimulatedOrderViews {

    private SimulatedOrderViews() {}

    /** The {@code orders/create} or {@code orders/updated} webhook payload of the order as it is now. */
    public static Map<String, Object> webhookPayload(SimulatedOrder order, OrderRevisions.Revision revision) {
        var payload = new LinkedHashMap<>(WebhookSender.payload(order));
        payload.put("updated_at", revision.updatedAt().toString());
        payload.put("note", revision.note());
        payload.put("tags", String.join(", ", revision.tags()));
        payload.put("financial_status", revision.financialStatus());
        payload.put(
                "cancelled_at",
                revision.cancelledAt() == null ? null : revision.cancelledAt().toString());
        payload.put(
                "cancel_reason",
                revision.cancelReason() == null ? null : revision.cancelReason().toLowerCase(Locale.ROOT));
        return payload;
    }

    /** The {@code Order} node; line items are a connection rendered by {@link #lineItems}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> node(SimulatedOrder order, OrderRevisions.Revision revision) {
        Map<String, Object> input = order.input();
        Map<String, Object> shipping = (Map<String, Object>) input.get("shippingAddress");
        var node = new LinkedHashMap<>(order.asGraphql());
        node.put("phone", input.get("phone"));
        node.put("customer", customer(order.customer()));
        node.put("shippingAddress", address(shipping));
        node.put("billingAddress", address((Map<String, Object>) input.get("billingAddress")));
        node.put("displayFinancialStatus", revision.financialStatus().toUpperCase(Locale.ROOT));
        node.put("displayFulfillmentStatus", "UNFULFILLED");
        node.put(
                "cancelledAt",
                revision.cancelledAt() == null ? null : revision.cancelledAt().toString());
        node.put("cancelReason", revision.cancelReason());
        node.put("note", revision.note());
        node.put("tags", revision.tags());
        node.put("updatedAt", revision.updatedAt().toString());
        return node;
    }

    /** The order's line items as a connection holding the first {@code first} of them. */
    public static Map<String, Object> lineItems(SimulatedOrder order, Integer first) {
        List<Map<String, Object>> lines = order.lineItems();
        int shown = first == null ? lines.size() : Math.min(first, lines.size());
        var nodes = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < shown; i++) {
            Map<String, Object> line = lines.get(i);
            var node = new LinkedHashMap<String, Object>();
            node.put("__typename", "LineItem");
            node.put("id", SimulatedFulfillments.lineItemGid(order, i));
            node.put("sku", line.get("sku"));
            node.put("title", line.getOrDefault("title", "Variant " + line.get("variantId")));
            node.put("name", line.getOrDefault("title", "Variant " + line.get("variantId")));
            node.put("quantity", line.get("quantity"));
            String variant = (String) line.get("variantId");
            node.put(
                    "variant",
                    variant == null
                            ? null
                            : Map.of(
                                    "id",
                                    variant,
                                    "legacyResourceId",
                                    variant.substring(variant.lastIndexOf('/') + 1)));
            node.put("originalUnitPriceSet", money(price(line), (String)
                    order.input().get("currency")));
            node.put("requiresShipping", order.requiresShipping(i));
            node.put("taxable", order.taxable(i));
            nodes.add(node);
        }
        var pageInfo = new LinkedHashMap<String, Object>();
        pageInfo.put("hasNextPage", shown < lines.size());
        pageInfo.put("hasPreviousPage", false);
        return Map.of("nodes", nodes, "pageInfo", pageInfo);
    }

    private static Map<String, Object> customer(SimulatedCustomers.Customer customer) {
        if (customer == null) {
            return null;
        }
        // The same values as the webhook's customer object (see WebhookSender.payload).
        var node = new LinkedHashMap<String, Object>();
        node.put("id", customer.gid());
        node.put("legacyResourceId", Long.toString(customer.id()));
        node.put("firstName", customer.firstName());
        node.put("lastName", customer.lastName());
        node.put("defaultEmailAddress", customer.email() == null ? null : Map.of("emailAddress", customer.email()));
        node.put("defaultPhoneNumber", null);
        return node;
    }

    private static Map<String, Object> address(Map<String, Object> address) {
        if (address == null) {
            return null;
        }
        var node = new LinkedHashMap<String, Object>();
        for (String field : List.of(
                "firstName",
                "lastName",
                "company",
                "address1",
                "address2",
                "city",
                "province",
                "provinceCode",
                "zip",
                "phone")) {
            node.put(field, address.get(field));
        }
        node.put("country", country(address));
        node.put("countryCodeV2", address.get("countryCode"));
        return node;
    }

    /**
     * The address's country name: as sent, else the name of its code. {@code MailingAddressInput.country} is deprecated
     * ("Use {@code countryCode} instead"), and Shopify's {@code MailingAddress.country} still names the country.
     */
    static String country(Map<String, Object> address) {
        if (address.get("country") instanceof String name) {
            return name;
        }
        return address.get("countryCode") instanceof String code
                ? Locale.of("", code).getDisplayCountry(Locale.ENGLISH)
                : null;
    }

    @SuppressWarnings("unchecked")
    private static BigDecimal price(Map<String, Object> line) {
        Map<String, Object> priceSet = (Map<String, Object>) line.get("priceSet");
        if (priceSet == null) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(String.valueOf(((Map<String, Object>) priceSet.get("shopMoney")).get("amount")));
    }

    private static Map<String, Object> money(BigDecimal amount, String currency) {
        var shopMoney = new LinkedHashMap<String, Object>();
        shopMoney.put("amount", amount.toPlainString());
        shopMoney.put("currencyCode", currency);
        return Map.of("shopMoney", shopMoney);
    }
}
