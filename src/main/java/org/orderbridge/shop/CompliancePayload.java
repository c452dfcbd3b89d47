package org.orderbridge.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One of Shopify's mandatory compliance payloads (and {@code app/uninstalled}, which enables shop erasure),
 * read strictly and bound to the shop that the unsigned header names: a body of one shop replayed under
 * another shop's header, or under another compliance topic, does not have that topic's shape or names
 * another shop, and is refused.
 *
 * @param shopId Shopify's id of the shop, as the payload states it
 * @param customerId the customer of a customer request
 * @param orderIds {@code orders_to_redact} or {@code orders_requested}, given by Shopify as numbers or strings
 *     (digits or GraphQL ids)
 */
record CompliancePayload(long shopId, @Nullable Long customerId, List<Long> orderIds) {

    /** A number, or an order's GraphQL id, as Shopify writes order ids into strings. */
    private static final Pattern ORDER_ID = Pattern.compile("(?:gid://shopify/Order/)?([1-9]\\d{0,17})");

    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,18}");

    static CompliancePayload read(ComplianceTopic topic, String headerShop, JsonNode payload) {
        return switch (topic) {
            case APP_UNINSTALLED -> {
                requireShop(topic, headerShop, payload, "myshopify_domain");
                yield new CompliancePayload(requiredId(topic, payload, "id"), null, List.of());
            }
            case SHOP_REDACT -> {
                requireShop(topic, headerShop, payload, "shop_domain");
                requireAbsent(topic, payload, "customer", "orders_to_redact", "orders_requested", "data_request");
                yield new CompliancePayload(requiredId(topic, payload, "shop_id"), null, List.of());
            }
            case CUSTOMERS_REDACT -> {
                requireShop(topic, headerShop, payload, "shop_domain");
                requireAbsent(topic, payload, "data_request", "orders_requested");
                yield new CompliancePayload(
                        requiredId(topic, payload, "shop_id"),
                        customerId(topic, payload),
                        ids(topic, payload, "orders_to_redact"));
            }
            case CUSTOMERS_DATA_REQUEST -> {
                requireShop(topic, headerShop, payload, "shop_domain");
                if (!payload.path("data_request").isObject()) {
                    throw untrusted(topic, "has no data_request object");
                }
                yield new CompliancePayload(
                        requiredId(topic, payload, "shop_id"),
                        customerId(topic, payload),
                        ids(topic, payload, "orders_requested"));
            }
        };
    }

    private static void requireShop(ComplianceTopic topic, String headerShop, JsonNode payload, String field) {
        JsonNode shop = payload.path(field);
        if (!shop.isString()) {
            throw untrusted(topic, "has no " + field);
        }
        if (!shop.asString().equalsIgnoreCase(headerShop)) {
            throw untrusted(topic, "names another shop in " + field + " than the X-Shopify-Shop-Domain header");
        }
    }

    private static void requireAbsent(ComplianceTopic topic, JsonNode payload, String... fields) {
        for (String field : fields) {
            if (payload.has(field)) {
                throw untrusted(topic, "has '" + field + "', which belongs to another topic");
            }
        }
    }

    private static long requiredId(ComplianceTopic topic, JsonNode payload, String field) {
        Long id = optionalId(payload, field);
        if (id == null) {
            throw untrusted(topic, "has no numeric " + field);
        }
        return id;
    }

    private static @Nullable Long optionalId(JsonNode json, String field) {
        JsonNode node = json.path(field);
        if (node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isString() && NUMERIC_ID.matcher(node.asString()).matches()) {
            return Long.parseLong(node.asString());
        }
        return null;
    }

    private static long customerId(ComplianceTopic topic, JsonNode payload) {
        if (!payload.path("customer").isObject()) {
            throw untrusted(topic, "has no customer object");
        }
        return requiredId(topic, payload.path("customer"), "id");
    }

    private static List<Long> ids(ComplianceTopic topic, JsonNode payload, String field) {
        JsonNode values = payload.path(field);
        if (values.isMissingNode() || values.isNull()) {
            return List.of();
        }
        if (!values.isArray()) {
            throw untrusted(topic, "has a " + field + " that is not a list");
        }
        var ids = new ArrayList<Long>();
        for (JsonNode value : values) {
            Matcher id = ORDER_ID.matcher(value.isString() ? value.asString().strip() : "");
            if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() > 0) {
                ids.add(value.asLong());
            } else if (id.matches()) {
                ids.add(Long.parseLong(id.group(1)));
            } else {
                // Skipping it would leave an order unredacted, a breach nobody notices.
                throw untrusted(topic, "has an entry in " + field + " that is not an order id");
            }
        }
        return List.copyOf(ids);
    }

    private static UntrustedComplianceRequest untrusted(ComplianceTopic topic, String what) {
        return new UntrustedComplianceRequest(topic.topic() + " payload " + what);
    }
}
