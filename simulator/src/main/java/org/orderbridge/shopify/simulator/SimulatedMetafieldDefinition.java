package org.orderbridge.shopify.simulator;

import java.util.Map;

public record SimulatedMetafieldDefinition(
        long legacyId, String ownerType, String namespace, String key, String type, boolean uniqueValues) {

    Map<String, Object> asGraphql() {
        return Map.of(
                "__typename",
                "MetafieldDefinition",
                "id",
                "gid://shopify/MetafieldDefinition/" + legacyId,
                "namespace",
                namespace,
                "key",
                key,
                "ownerType",
                ownerType,
                "capabilities",
                Map.of("uniqueValues", Map.of("enabled", uniqueValues, "eligible", true)));
    }
}
