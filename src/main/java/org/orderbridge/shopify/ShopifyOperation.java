package org.orderbridge.shopify;

/** Every GraphQL document this client sends; kept in one place so a test can validate them all against the schema. */
enum ShopifyOperation {
    // Bulk queries: the query is a document of its own, passed as a string (validated by its owner's tests).
    RUN_BULK_QUERY("""
            mutation RunBulkQuery($query: String!, $groupObjects: Boolean!) {
              bulkOperationRunQuery(query: $query, groupObjects: $groupObjects) {
                bulkOperation { id status }
                userErrors { field message code }
              }
            }
            """),

    FIND_BULK_OPERATION("""
            query FindBulkOperation($id: ID!) {
              bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount url }
            }
            """),

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
                order { ...CreatedOrder }
                userErrors { field message code }
              }
            }
            """ + ShopifyOperation.CREATED_ORDER),

    FIND_ORDER_BY_ID("""
            query FindOrderById($identifier: OrderIdentifierInput!) {
              orderByIdentifier(identifier: $identifier) { id }
            }
            """),

    // Fulfillments: read the order's line items and its displayable fulfillment orders (closed ones hidden after a move
    // or merge are left out) page by page, and its fulfillments for the look-up after an ambiguous create; create one
    // fulfillment per location, update tracking, cancel, release a hold, open a scheduled fulfillment order. Nested
    // connections multiply the requested cost, so each page size keeps it below Shopify's 1,000 points (checked by
    // ShopifyDocumentsTest): the first read is 1 + (2 + 100) + (2 + 3 x 207) = 726 points, a further page of
    // fulfillment orders 1 + 2 + 4 x 207 = 831.
    FIND_FULFILLMENT_STATE("""
            query FindFulfillmentState($id: ID!) {
              order(id: $id) {
                id
                lineItems(first: %d) { pageInfo { hasNextPage endCursor } nodes { id sku quantity } }
                fulfillmentOrders(first: %d, displayable: true) {
                  pageInfo { hasNextPage endCursor }
                  nodes { ...FulfillmentOrderFields }
                }
              }
            }
            """.formatted(FulfillmentState.FIRST_LINE_ITEMS, FulfillmentState.FIRST_FULFILLMENT_ORDERS)
            + FulfillmentState.FULFILLMENT_ORDER_FRAGMENT),

    ORDER_LINE_ITEMS_PAGE("""
            query OrderLineItemsPage($id: ID!, $after: String) {
              order(id: $id) {
                id
                lineItems(first: %d, after: $after) {
                  pageInfo { hasNextPage endCursor }
                  nodes { id sku quantity }
                }
              }
            }
            """.formatted(FulfillmentState.LINE_ITEMS_PAGE)),

    FULFILLMENT_ORDERS_PAGE(
            """
            query FulfillmentOrdersPage($id: ID!, $after: String) {
              order(id: $id) {
                id
                fulfillmentOrders(first: %d, after: $after, displayable: true) {
                  pageInfo { hasNextPage endCursor }
                  nodes { ...FulfillmentOrderFields }
                }
              }
            }
            """.formatted(FulfillmentState.FULFILLMENT_ORDERS_PAGE) + FulfillmentState.FULFILLMENT_ORDER_FRAGMENT),

    FULFILLMENT_ORDER_LINES_PAGE("""
            query FulfillmentOrderLinesPage($id: ID!, $after: String) {
              fulfillmentOrder(id: $id) {
                id
                lineItems(first: %d, after: $after) {
                  pageInfo { hasNextPage endCursor }
                  nodes { id remainingQuantity totalQuantity lineItem { id } }
                }
              }
            }
            """.formatted(FulfillmentState.LINE_ITEMS_PAGE)),

    // Order.fulfillments is a list without paging: one read of the largest page Shopify serves.
    FIND_FULFILLMENTS("""
            query FindFulfillments($id: ID!) {
              order(id: $id) {
                id
                fulfillments(first: %d) {
                  id
                  legacyResourceId
                  status
                  location { id }
                  trackingInfo { number }
                }
              }
            }
            """.formatted(FulfillmentState.MAX_FULFILLMENTS)),

    FULFILLMENT_LINES_PAGE("""
            query FulfillmentLinesPage($id: ID!, $after: String) {
              fulfillment(id: $id) {
                id
                fulfillmentLineItems(first: %d, after: $after) {
                  pageInfo { hasNextPage endCursor }
                  nodes { quantity lineItem { id } }
                }
              }
            }
            """.formatted(FulfillmentState.LINE_ITEMS_PAGE)),

    RELEASE_FULFILLMENT_HOLD("""
            mutation ReleaseFulfillmentHold($id: ID!, $holdIds: [ID!]) {
              fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
                fulfillmentOrder { id status }
                userErrors { field message code }
              }
            }
            """),

    MOVE_FULFILLMENT_ORDER("""
            mutation MoveFulfillmentOrder($id: ID!, $newLocationId: ID!,
                $fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!]) {
              fulfillmentOrderMove(id: $id, newLocationId: $newLocationId,
                  fulfillmentOrderLineItems: $fulfillmentOrderLineItems) {
                movedFulfillmentOrder { id status }
                userErrors { field message }
              }
            }
            """),

    OPEN_FULFILLMENT_ORDER("""
            mutation OpenFulfillmentOrder($id: ID!) {
              fulfillmentOrderOpen(id: $id) {
                fulfillmentOrder { id status }
                userErrors { field message }
              }
            }
            """),

    CREATE_FULFILLMENT("""
            mutation CreateFulfillment($fulfillment: FulfillmentInput!) {
              fulfillmentCreate(fulfillment: $fulfillment) {
                fulfillment { id legacyResourceId status location { id } }
                userErrors { field message }
              }
            }
            """),

    UPDATE_FULFILLMENT_TRACKING("""
            mutation UpdateFulfillmentTracking($fulfillmentId: ID!, $trackingInfoInput: FulfillmentTrackingInput!,
                $notifyCustomer: Boolean) {
              fulfillmentTrackingInfoUpdate(fulfillmentId: $fulfillmentId, trackingInfoInput: $trackingInfoInput,
                  notifyCustomer: $notifyCustomer) {
                fulfillment { id }
                userErrors { field message }
              }
            }
            """),

    CANCEL_FULFILLMENT("""
            mutation CancelFulfillment($id: ID!) {
              fulfillmentCancel(id: $id) {
                fulfillment { id status }
                userErrors { field message }
              }
            }
            """),

    // Reconciliation and backfill: orders changed since a time, oldest change first, with everything a webhook's
    // snapshot holds. Line items come in pages of $lines: the requested cost is 2 + first x (order + lines), so a page
    // of orders carries few lines each, and an order with more is read again alone (ORDER_SNAPSHOT).
    ORDERS_UPDATED_SINCE("""
            query OrdersUpdatedSince($query: String!, $first: Int!, $after: String, $lines: Int!) {
              orders(query: $query, sortKey: UPDATED_AT, first: $first, after: $after) {
                pageInfo { hasNextPage endCursor }
                nodes { ...SnapshotOfOrder }
              }
            }
            """ + ShopifyOrderFeed.ORDER_FRAGMENT),

    ORDER_SNAPSHOT("""
            query OrderSnapshot($id: ID!, $lines: Int!) {
              order(id: $id) { ...SnapshotOfOrder }
            }
            """ + ShopifyOrderFeed.ORDER_FRAGMENT),
    // Webhook subscriptions: the app's shop-scoped ones for our topics, page by page; create and repoint. The
    // deprecated eventBridgeWebhookSubscriptionCreate is not needed: `uri` takes an EventBridge ARN as well.
    LIST_WEBHOOK_SUBSCRIPTIONS("""
            query ListWebhookSubscriptions($topics: [WebhookSubscriptionTopic!], $after: String) {
              webhookSubscriptions(first: 100, after: $after, topics: $topics, sortKey: ID) {
                nodes { id topic uri format apiVersion { handle } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """),

    CREATE_WEBHOOK_SUBSCRIPTION("""
            mutation CreateWebhookSubscription($topic: WebhookSubscriptionTopic!,
                $webhookSubscription: WebhookSubscriptionInput!) {
              webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
                webhookSubscription { id topic uri format apiVersion { handle } }
                userErrors { field message }
              }
            }
            """),

    UPDATE_WEBHOOK_SUBSCRIPTION("""
            mutation UpdateWebhookSubscription($id: ID!, $webhookSubscription: WebhookSubscriptionInput!) {
              webhookSubscriptionUpdate(id: $id, webhookSubscription: $webhookSubscription) {
                webhookSubscription { id topic uri format apiVersion { handle } }
                userErrors { field message }
              }
            }
            """),

    // Cancellation of an order in Shopify: orderCancel runs as a job; the order's cancelledAt says when it is done.
    CANCEL_ORDER("""
            mutation CancelOrder($orderId: ID!, $reason: OrderCancelReason!, $restock: Boolean!,
                $notifyCustomer: Boolean, $refundMethod: OrderCancelRefundMethodInput, $staffNote: String) {
              orderCancel(orderId: $orderId, reason: $reason, restock: $restock, notifyCustomer: $notifyCustomer,
                  refundMethod: $refundMethod, staffNote: $staffNote) {
                job { id done }
                orderCancelUserErrors { field message code }
              }
            }
            """),

    FIND_ORDER_CANCELLATION("""
            query FindOrderCancellation($id: ID!) {
              order(id: $id) { id legacyResourceId cancelledAt cancelReason }
            }
            """),

    FIND_ORDER_CANCELLATION_BY_CUSTOM_ID("""
            query FindOrderCancellationByCustomId($identifier: OrderIdentifierInput!) {
              orderByIdentifier(identifier: $identifier) { id legacyResourceId cancelledAt cancelReason }
            }
            """),

    FIND_JOB("""
            query FindJob($id: ID!) {
              job(id: $id) { id done }
            }
            """),

    // The scopes the shop granted the app, which ShopifyFeature's lists are checked against.
    READ_ACCESS_SCOPES("""
            query ReadAccessScopes {
              currentAppInstallation { accessScopes { handle } }
            }
            """),

    // SKU resolution: one search for a batch of SKUs (SkuSearch), answered with the variants whose SKU matched.
    // The page size is a variable (VariantLookup.MAX_PAGE at most), which keeps the requested cost near 500 points.
    FIND_VARIANTS_BY_SKU("""
            query FindVariantsBySku($query: String!, $first: Int!) {
              productVariants(first: $first, query: $query) {
                pageInfo { hasNextPage }
                nodes { legacyResourceId sku product { legacyResourceId } }
              }
            }
            """),

    // Fulfillment service mode: the app's services (Shopify lists only a handful per shop, without paging), the one it
    // registers, the fulfillment orders assigned to its location by assignment status (the catch-up for lost webhooks;
    // 2 + 100 x 3 = 302 points), one fulfillment order's request status and what of it is fulfilled, and the answers.
    FIND_FULFILLMENT_SERVICES("""
            query FindFulfillmentServices {
              shop { fulfillmentServices { id serviceName callbackUrl location { id } } }
            }
            """),

    CREATE_FULFILLMENT_SERVICE("""
            mutation CreateFulfillmentService($name: String!, $callbackUrl: URL!) {
              fulfillmentServiceCreate(
                name: $name, callbackUrl: $callbackUrl, trackingSupport: true, inventoryManagement: false
              ) {
                fulfillmentService { id serviceName callbackUrl location { id } }
                userErrors { field message }
              }
            }
            """),

    ASSIGNED_FULFILLMENT_ORDERS("""
            query AssignedFulfillmentOrders(
              $status: FulfillmentOrderAssignmentStatus!, $locationIds: [ID!], $after: String
            ) {
              assignedFulfillmentOrders(
                first: %d, after: $after, assignmentStatus: $status, locationIds: $locationIds
              ) {
                pageInfo { hasNextPage endCursor }
                nodes { id orderId status requestStatus }
              }
            }
            """.formatted(AdminFulfillmentServices.ASSIGNED_PAGE)),

    FIND_REQUESTED_FULFILLMENT_ORDER("""
            query FindRequestedFulfillmentOrder($id: ID!) {
              fulfillmentOrder(id: $id) {
                id
                orderId
                status
                requestStatus
                lineItems(first: %d) { pageInfo { hasNextPage } nodes { totalQuantity remainingQuantity } }
              }
            }
            """.formatted(AdminFulfillmentServices.LINES_PAGE)),

    ACCEPT_FULFILLMENT_REQUEST("""
            mutation AcceptFulfillmentRequest($id: ID!, $message: String) {
              fulfillmentOrderAcceptFulfillmentRequest(id: $id, message: $message) {
                fulfillmentOrder { id status requestStatus }
                userErrors { field message }
              }
            }
            """),

    REJECT_FULFILLMENT_REQUEST("""
            mutation RejectFulfillmentRequest($id: ID!, $reason: FulfillmentOrderRejectionReason, $message: String) {
              fulfillmentOrderRejectFulfillmentRequest(id: $id, reason: $reason, message: $message) {
                fulfillmentOrder { id status requestStatus }
                userErrors { field message }
              }
            }
            """),

    ACCEPT_CANCELLATION_REQUEST("""
            mutation AcceptCancellationRequest($id: ID!, $message: String) {
              fulfillmentOrderAcceptCancellationRequest(id: $id, message: $message) {
                fulfillmentOrder { id status requestStatus }
                userErrors { field message }
              }
            }
            """),

    REJECT_CANCELLATION_REQUEST("""
            mutation RejectCancellationRequest($id: ID!, $message: String) {
              fulfillmentOrderRejectCancellationRequest(id: $id, message: $message) {
                fulfillmentOrder { id status requestStatus }
                userErrors { field message }
              }
            }
            """),

    FIND_ORDER_BY_CUSTOM_ID("""
            query FindOrderByCustomId($identifier: OrderIdentifierInput!) {
              orderByIdentifier(identifier: $identifier) { ...CreatedOrder }
            }
            """ + ShopifyOperation.CREATED_ORDER);

    /** The ids of a created order and the totals Shopify computed for it, compared with ours without another request. */
    private static final String CREATED_ORDER = """
            fragment CreatedOrder on Order {
              id
              legacyResourceId
              name
              subtotalPriceSet { shopMoney { amount } }
              totalShippingPriceSet { shopMoney { amount } }
              totalTaxSet { shopMoney { amount } }
              totalDiscountsSet { shopMoney { amount } }
              totalPriceSet { shopMoney { amount } }
              displayFinancialStatus
            }
            """;

    private final String document;

    ShopifyOperation(String document) {
        this.document = document;
    }

    String document() {
        return document;
    }
}
