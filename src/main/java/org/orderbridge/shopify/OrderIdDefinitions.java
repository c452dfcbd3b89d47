package org.orderbridge.shopify;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** Makes sure each shop has the unique order-id metafield definition before the first order is pushed there. */
final class OrderIdDefinitions {

    private final AdminGraphqlTransport transport;
    private final Set<String> readyShops = ConcurrentHashMap.newKeySet();

    OrderIdDefinitions(AdminGraphqlTransport transport) {
        this.transport = transport;
    }

    void ensure(String shop, Deadline deadline) {
        if (readyShops.contains(shop)) {
            return;
        }
        JsonNode definition = find(shop, deadline);
        if (definition.isMissingNode() || definition.isNull()) {
            definition = create(shop, deadline);
        }
        if (!definition
                .path("capabilities")
                .path("uniqueValues")
                .path("enabled")
                .asBoolean()) {
            // Without uniqueness Shopify would accept duplicates and orderByIdentifier would not work; an admin must
            // fix it.
            throw new PermanentShopifyFailure("Metafield definition " + OrderIdMetafield.NAMESPACE + "."
                    + OrderIdMetafield.KEY + " exists in " + shop + " without the uniqueValues capability");
        }
        readyShops.add(shop);
    }

    private JsonNode find(String shop, Deadline deadline) {
        return transport
                .execute(shop, ShopifyOperation.FIND_ORDER_ID_DEFINITION, OrderIdMetafield.definitionLookup(), deadline)
                .path("metafieldDefinition");
    }

    private JsonNode create(String shop, Deadline deadline) {
        JsonNode payload = transport
                .execute(shop, ShopifyOperation.CREATE_ORDER_ID_DEFINITION, OrderIdMetafield.definition(), deadline)
                .path("metafieldDefinitionCreate");
        JsonNode created = payload.path("createdDefinition");
        if (!created.isMissingNode() && !created.isNull()) {
            return created;
        }
        if (UserErrors.hasCode(payload.path("userErrors"), "TAKEN")) {
            // Another instance created it between our look-up and our create.
            return find(shop, deadline);
        }
        throw new PermanentShopifyFailure("Cannot create the order-id metafield definition in " + shop + ": "
                + UserErrors.describe(payload.path("userErrors")));
    }
}
