package org.orderbridge.shopify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Turns an {@link OrderDraft} into {@code orderCreate} variables, refusing drafts Shopify could never accept. */
final class OrderCreateVariables {

    static final String SOURCE_NAME = "orderbridge";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private OrderCreateVariables() {}

    static Map<String, Object> of(OrderDraft draft, InventoryBehaviour inventory) {
        String currency =
                draft.currency() == null ? "" : draft.currency().strip().toUpperCase(Locale.ROOT);
        if (draft.orderId() == null) {
            throw new PermanentShopifyFailure("Draft has no orderId");
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new PermanentShopifyFailure("Draft currency is not an ISO 4217 code: " + draft.currency());
        }
        if (draft.lines().isEmpty()) {
            throw new PermanentShopifyFailure("Draft has no lines");
        }
        var order = new LinkedHashMap<String, Object>();
        order.put("sourceName", SOURCE_NAME);
        order.put("sourceIdentifier", draft.orderId().toString());
        order.put("currency", currency);
        putIfPresent(order, "email", draft.email());
        putIfPresent(order, "customer", customer(draft));
        putIfPresent(order, "phone", draft.phone());
        putIfPresent(order, "note", draft.note());
        order.put("tags", draft.tags());
        putIfPresent(order, "shippingAddress", address(draft.shippingAddress()));
        putIfPresent(order, "billingAddress", address(draft.billingAddress()));
        OrderDraft.Commercial commercial = draft.commercial();
        var bags = new MoneyBags(currency, commercial.presentmentCurrency(), commercial.presentmentRate());
        List<Map<String, Object>> lineItems =
                draft.lines().stream().map(line -> lineItem(line, bags)).toList();
        order.put("lineItems", lineItems);
        CommercialInputs.put(order, lineItems, draft, bags);
        order.put("metafields", List.of(OrderIdMetafield.value(draft.orderId())));
        // Receipts are the business's decision, made outside OrderBridge.
        return Map.of(
                "order",
                order,
                "options",
                Map.of("sendReceipt", false, "sendFulfillmentReceipt", false, "inventoryBehaviour", inventory.name()));
    }

    /**
     * The shop's customer of the draft's e-mail address, created when the shop has none ({@code toUpsert}: without an
     * id, the e-mail identifies the customer; {@code toAssociate} would refuse a new buyer). Names are sent only when
     * known, so that an upsert does not blank what the merchant holds. The phone stays on the order: a customer's
     * phone must be unique in the shop, so sending it could refuse an order over another customer's number.
     */
    private static @Nullable Map<String, Object> customer(OrderDraft draft) {
        if (draft.email() == null || draft.email().isBlank()) {
            return null;
        }
        var upsert = new LinkedHashMap<String, Object>();
        upsert.put("email", draft.email());
        putIfPresent(upsert, "firstName", draft.firstName());
        putIfPresent(upsert, "lastName", draft.lastName());
        return Map.of("toUpsert", upsert);
    }

    private static Map<String, Object> lineItem(OrderDraft.Line line, MoneyBags bags) {
        if (line.quantity() < 1) {
            throw new PermanentShopifyFailure("Line quantity must be positive: " + line);
        }
        var item = new LinkedHashMap<String, Object>();
        item.put("quantity", line.quantity());
        putIfPresent(item, "sku", line.sku());
        if (line.variantId() != null) {
            item.put("variantId", "gid://shopify/ProductVariant/" + line.variantId());
        } else if (line.title() == null || line.title().isBlank() || line.unitPrice() == null) {
            throw new PermanentShopifyFailure("A line without variantId needs a title and a unit price: " + line);
        } else {
            item.put("title", line.title());
            item.put("requiresShipping", !Boolean.FALSE.equals(line.requiresShipping()));
            item.put("taxable", !Boolean.FALSE.equals(line.taxable()));
        }
        if (line.unitPrice() != null) {
            if (line.unitPrice().signum() < 0) {
                throw new PermanentShopifyFailure("Negative unit price: " + line.unitPrice());
            }
            item.put("priceSet", bags.of(line.unitPrice()));
        }
        return item;
    }

    /** {@code MailingAddressInput} without what Shopify deprecated: its names of country and province follow the codes. */
    private static @Nullable Map<String, Object> address(OrderDraft.@Nullable Address address) {
        if (address == null) {
            return null;
        }
        var fields = new LinkedHashMap<String, Object>();
        putIfPresent(fields, "firstName", address.firstName());
        putIfPresent(fields, "lastName", address.lastName());
        putIfPresent(fields, "company", address.company());
        putIfPresent(fields, "address1", address.address1());
        putIfPresent(fields, "address2", address.address2());
        putIfPresent(fields, "city", address.city());
        putIfPresent(fields, "provinceCode", address.provinceCode());
        putIfPresent(fields, "zip", address.zip());
        putIfPresent(
                fields,
                "countryCode",
                address.countryCode() == null ? null : address.countryCode().toUpperCase(Locale.ROOT));
        putIfPresent(fields, "phone", address.phone());
        return fields;
    }

    private static void putIfPresent(Map<String, Object> target, String key, @Nullable Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            target.put(key, value);
        }
    }
}
