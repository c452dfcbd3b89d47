package org.orderbridge.shopify.simulator;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fulfillment side of the simulated Admin API: {@code order(id:)} with its line items, fulfillment orders and
 * fulfillments (paged with {@code first}/{@code after}; {@code displayable: true} leaves out hidden fulfillment orders),
 * {@code fulfillmentOrder(id:)} and {@code fulfillment(id:)}, and the fulfillment mutations.
 */
final class SimulatorFulfillmentGraphql {

    private SimulatorFulfillmentGraphql() {}

    static Map<FieldCoordinates, DataFetcher<?>> fetchers(String query, String mutation) {
        var fetchers = new HashMap<FieldCoordinates, DataFetcher<?>>();
        fetchers.put(
                FieldCoordinates.coordinates(query, "order"),
                SimulatorGraphql.fetcher(SimulatorFulfillmentGraphql::order));
        fetchers.put(
                FieldCoordinates.coordinates("Order", "lineItems"),
                SimulatorGraphql.fetcher((env, scope) -> orderOf(env, scope)
                        .map(o -> SimulatedPages.connection(
                                (List<?>) SimulatedOrderViews.lineItems(o, null).get("nodes"),
                                env.getArgument("first"),
                                env.getArgument("after")))
                        .orElse(null)));
        fetchers.put(
                FieldCoordinates.coordinates("Order", "fulfillmentOrders"),
                SimulatorGraphql.fetcher((env, scope) -> orderOf(env, scope)
                        .map(o -> SimulatedPages.connection(
                                scope.store()
                                        .fulfillments()
                                        .fulfillmentOrders(o, Boolean.TRUE.equals(env.getArgument("displayable"))),
                                env.getArgument("first"),
                                env.getArgument("after")))
                        .orElse(null)));
        fetchers.put(
                FieldCoordinates.coordinates(query, "fulfillmentOrder"),
                SimulatorGraphql.fetcher((env, scope) -> scope.store()
                        .fulfillments()
                        .fulfillmentOrder(scope.shop(), env.getArgument("id"))
                        .orElse(null)));
        fetchers.put(
                FieldCoordinates.coordinates(query, "fulfillment"),
                SimulatorGraphql.fetcher((env, scope) -> scope.store()
                        .fulfillments()
                        .fulfillment(scope.shop(), env.getArgument("id"))
                        .orElse(null)));
        fetchers.put(FieldCoordinates.coordinates("FulfillmentOrder", "lineItems"), SimulatedPages.nested("lineItems"));
        fetchers.put(
                FieldCoordinates.coordinates("Fulfillment", "fulfillmentLineItems"),
                SimulatedPages.nested("fulfillmentLineItems"));
        fetchers.put(
                FieldCoordinates.coordinates("Order", "fulfillments"),
                SimulatorGraphql.fetcher((env, scope) -> orderOf(env, scope)
                        .map(o -> (Object) SimulatedPages.first(
                                scope.store().fulfillments().fulfillmentsGraphql(o), env.getArgument("first")))
                        .orElse(List.of())));
        fetchers.put(
                FieldCoordinates.coordinates(mutation, "fulfillmentCreate"),
                SimulatorGraphql.fetcher(SimulatorFulfillmentGraphql::create));
        fetchers.put(
                FieldCoordinates.coordinates(mutation, "fulfillmentTrackingInfoUpdate"),
                SimulatorGraphql.fetcher(SimulatorFulfillmentGraphql::updateTracking));
        fetchers.put(
                FieldCoordinates.coordinates(mutation, "fulfillmentCancel"),
                SimulatorGraphql.fetcher(SimulatorFulfillmentGraphql::cancel));
        fetchers.put(
                FieldCoordinates.coordinates(mutation, "fulfillmentOrderReleaseHold"),
                SimulatorGraphql.fetcher((env, scope) -> {
                    var outcome = scope.store()
                            .fulfillments()
                            .releaseHold(scope.shop(), env.getArgument("id"), env.getArgument("holdIds"));
                    releasedWebhook(outcome, scope);
                    return foPayload(outcome);
                }));
        fetchers.put(
                FieldCoordinates.coordinates(mutation, "fulfillmentOrderMove"),
                SimulatorGraphql.fetcher((env, scope) -> {
                    var outcome = scope.store()
                            .fulfillments()
                            .move(
                                    scope.shop(),
                                    env.getArgument("id"),
                                    env.getArgument("newLocationId"),
                                    env.getArgument("fulfillmentOrderLineItems"));
                    var payload = new HashMap<String, Object>();
                    payload.put("movedFulfillmentOrder", outcome.moved());
                    payload.put("originalFulfillmentOrder", outcome.original());
                    payload.put("remainingFulfillmentOrder", null);
                    payload.put("userErrors", outcome.userError() == null ? List.of() : List.of(outcome.userError()));
                    if (outcome.webhook() != null) {
                        // Shopify announces every move, whoever made it (WebhookSubscriptionTopic
                        // FULFILLMENT_ORDERS_MOVED).
                        String shop = scope.shop();
                        var webhook = outcome.webhook();
                        scope.webhooks().add(sender -> sender.send("fulfillment_orders/moved", shop, webhook));
                    }
                    return payload;
                }));
        fetchers.put(
                FieldCoordinates.coordinates(mutation, "fulfillmentOrderOpen"),
                SimulatorGraphql.fetcher((env, scope) ->
                        foPayload(scope.store().fulfillments().open(scope.shop(), env.getArgument("id")))));
        fulfillmentServiceFetchers(query, mutation, fetchers);
        return fetchers;
    }

    /** The fulfillment service side: its registration, its assigned fulfillment orders and its answers to requests. */
    private static void fulfillmentServiceFetchers(
            String query, String mutation, Map<FieldCoordinates, DataFetcher<?>> fetchers) {
        fetchers.put(
                FieldCoordinates.coordinates(query, "shop"),
                SimulatorGraphql.fetcher((env, scope) -> Map.of(
                        "fulfillmentServices",
                        scope.store().fulfillmentServices().services(scope.shop()).stream()
                                .map(SimulatedFulfillmentServices.Service::asGraphql)
                                .toList())));
        fetchers.put(
                FieldCoordinates.coordinates(query, "fulfillmentService"),
                SimulatorGraphql.fetcher((env, scope) -> scope.store()
                        .fulfillmentServices()
                        .service(scope.shop(), env.getArgument("id"))
                        .map(SimulatedFulfillmentServices.Service::asGraphql)
                        .orElse(null)));
        fetchers.put(
                FieldCoordinates.coordinates(mutation, "fulfillmentServiceCreate"),
                SimulatorGraphql.fetcher((env, scope) -> {
                    var result = scope.store()
                            .fulfillmentServices()
                            .create(scope.shop(), env.getArgument("name"), env.getArgument("callbackUrl"));
                    var payload = new HashMap<String, Object>();
                    payload.put("fulfillmentService", result.value());
                    payload.put("userErrors", result.userError() == null ? List.of() : List.of(result.userError()));
                    return payload;
                }));
        fetchers.put(
                FieldCoordinates.coordinates(query, "assignedFulfillmentOrders"),
                SimulatorGraphql.fetcher((env, scope) -> SimulatedPages.connection(
                        scope.store()
                                .fulfillments()
                                .assigned(
                                        scope.shop(),
                                        env.getArgument("assignmentStatus"),
                                        env.getArgument("locationIds")),
                        env.getArgument("first"),
                        env.getArgument("after"))));
        Map.of(
                        "fulfillmentOrderAcceptFulfillmentRequest", "acceptFulfillment",
                        "fulfillmentOrderRejectFulfillmentRequest", "rejectFulfillment",
                        "fulfillmentOrderAcceptCancellationRequest", "acceptCancellation",
                        "fulfillmentOrderRejectCancellationRequest", "rejectCancellation")
                .forEach((field, answer) -> fetchers.put(
                        FieldCoordinates.coordinates(mutation, field),
                        SimulatorGraphql.fetcher((env, scope) -> foPayload(
                                scope.store().fulfillments().answer(scope.shop(), env.getArgument("id"), answer)))));
    }

    private static Object order(DataFetchingEnvironment env, SimulatorGraphql.Scope scope) {
        return scope.store()
                .orderById(scope.shop(), env.getArgument("id"))
                .map(o -> SimulatedOrderViews.node(o, scope.store().revisions().current(o)))
                .orElse(null);
    }

    private static Optional<SimulatedOrder> orderOf(DataFetchingEnvironment env, SimulatorGraphql.Scope scope) {
        Map<String, Object> source = env.getSource();
        return scope.store().orderById(scope.shop(), (String) source.get("id"));
    }

    private static Object create(DataFetchingEnvironment env, SimulatorGraphql.Scope scope) {
        var outcome = scope.store().fulfillments().create(scope.shop(), env.getArgument("fulfillment"));
        return payload(outcome, scope, "fulfillments/create");
    }

    private static Object updateTracking(DataFetchingEnvironment env, SimulatorGraphql.Scope scope) {
        var outcome = scope.store()
                .fulfillments()
                .updateTracking(scope.shop(), env.getArgument("fulfillmentId"), env.getArgument("trackingInfoInput"));
        return payload(outcome, scope, "fulfillments/update");
    }

    private static Object cancel(DataFetchingEnvironment env, SimulatorGraphql.Scope scope) {
        var outcome = scope.store().fulfillments().cancel(scope.shop(), env.getArgument("id"));
        return payload(outcome, scope, "fulfillments/update");
    }

    /**
     * Shopify sends fulfillment_orders/hold_released once, when the last hold is released and the fulfillment order is
     * no longer ON_HOLD (FULFILLMENT_ORDERS_HOLD_RELEASED,
     * https://shopify.dev/docs/api/admin-graphql/latest/enums/WebhookSubscriptionTopic); the payload names the
     * fulfillment order and its status.
     */
    private static void releasedWebhook(SimulatedFulfillments.FoOutcome outcome, SimulatorGraphql.Scope scope) {
        Map<String, Object> fo = outcome.fulfillmentOrder();
        if (fo == null || "ON_HOLD".equals(fo.get("status"))) {
            return;
        }
        var payload = new HashMap<String, Object>();
        payload.put(
                "fulfillment_order",
                Map.of("id", fo.get("id"), "status", fo.get("status").toString().toLowerCase()));
        String shop = scope.shop();
        scope.webhooks().add(sender -> sender.send("fulfillment_orders/hold_released", shop, payload));
    }

    private static Map<String, Object> foPayload(SimulatedFulfillments.FoOutcome outcome) {
        var payload = new HashMap<String, Object>();
        payload.put("fulfillmentOrder", outcome.fulfillmentOrder());
        payload.put("userErrors", outcome.userError() == null ? List.of() : List.of(outcome.userError()));
        return payload;
    }

    private static Map<String, Object> payload(
            SimulatedFulfillments.Outcome outcome, SimulatorGraphql.Scope scope, String topic) {
        var payload = new HashMap<String, Object>();
        if (outcome.fulfillment() != null) {
            var fulfillment = outcome.fulfillment();
            var webhookPayload = fulfillment.webhookPayload();
            scope.webhooks().add(sender -> sender.send(topic, fulfillment.order.shop(), webhookPayload));
            payload.put("fulfillment", fulfillment.asGraphql());
        } else {
            payload.put("fulfillment", null);
        }
        payload.put("userErrors", outcome.userError() == null ? List.of() : List.of(outcome.userError()));
        return payload;
    }
}
