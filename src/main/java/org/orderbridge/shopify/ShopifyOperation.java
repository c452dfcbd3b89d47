package org.orderbridge.shopify;

/** Every GraphQL document this client sends; kept in one place so a test can validate them all against the schema. */
enum ShopifyOperation {
    FIND_ORDER_ID_DEFINITION("""
            query FindOrderIdDefinition($namespace: String!, $key: String!) {
              metafieldDefinition(identifier: {ownerType: ORDER, namespace: $namespace, key: $key}) {
                id
                capabilities { uniqueValues { enabled } }
              }
            }
            """),

    CREATE_ORDER_ID_DEFINITION("""
            mutation CreateOrderIdDefinition($definition: MetafieldDefinitionInput!) {
              metafieldDefinitionCreate(definition: $definition) {
                createdDefinition {
                  id
                  capabilities { uniqueValues { enabled } }
                }
                userErrors { field message code }
              }
            }
            """),

    CREATE_ORDER("""
            mutation CreateOrder($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
              orderCreate(order: $order, options: $options) {
                order { id legacyResourceId name }
                userErrors { field message code }
              }
            }
            """),

    FIND_ORDER_BY_ID("""
            query FindOrderById($identifier: OrderIdentifierInput!) {
              orderByIdentifier(identifier: $identifier) { id }
            }
            """),

    FIND_ORDER_BY_CUSTOM_ID("""
            query FindOrderByCustomId($identifier: OrderIdentifierInput!) {
              orderByIdentifier(identifier: $identifier) { id legacyResourceId name }
            }
            """);

    private final String document;

    ShopifyOperation(String document) {
        this.document = document;
    }

    String document() {
        return document;
    }
}
