package org.orderbridge.shopify.simulator;

import graphql.GraphqlErrorException;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The webhook subscription side of the simulated Admin API: the {@code webhookSubscriptions} query and its mutations. */
final class SimulatorWebhookSubscriptionGraphql {

    private SimulatorWebhookSubscriptionGraphql() {}

    static Map<FieldCoordinates, DataFetcher<?>> fetchers(String query, String mutation) {
        var fetchers = new HashMap<FieldCoordinates, DataFetcher<?>>();
        fetchers.put(
                FieldCoordinates.coordinates(query, "webhookSubscriptions"),
                SimulatorGraphql.fetcher(SimulatorWebhookSubscriptionGraphql::subscriptions));
        fetchers.put(
                FieldCoordinates.coordinates(mutation, "webhookSubscriptionCreate"),
                SimulatorGraphql.fetcher((env, scope) -> payload(subscriptions(scope)
                        .create(scope.shop(), env.getArgument("topic"), env.getArgument("webhookSubscription")))));
        fetchers.put(
                FieldCoordinates.coordinates(mutation, "webhookSubscriptionUpdate"),
                SimulatorGraphql.fetcher((env, scope) -> payload(subscriptions(scope)
                        .update(scope.shop(), env.getArgument("id"), env.getArgument("webhookSubscription")))));
        fetchers.put(
                FieldCoordinates.coordinates(mutation, "webhookSubscriptionDelete"),
                SimulatorGraphql.fetcher(SimulatorWebhookSubscriptionGraphql::delete));
        return fetchers;
    }

    private static Object subscriptions(DataFetchingEnvironment env, SimulatorGraphql.Scope scope) {
        try {
            return subscriptions(scope)
                    .connection(
                            scope.shop(),
                            env.getArgument("topics"),
                            env.getArgument("uri") != null ? env.getArgument("uri") : env.getArgument("callbackUrl"),
                            env.getArgument("first"),
                            env.getArgument("after"));
        } catch (IllegalArgumentException e) {
            throw GraphqlErrorException.newErrorException()
                    .message(e.getMessage())
                    .build();
        }
    }

    private static Object delete(DataFetchingEnvironment env, SimulatorGraphql.Scope scope) {
        var result = subscriptions(scope).delete(scope.shop(), env.getArgument("id"));
        var payload = new HashMap<String, Object>();
        payload.put("deletedWebhookSubscriptionId", result.value());
        payload.put("userErrors", result.userError() == null ? List.of() : List.of(result.userError()));
        return payload;
    }

    private static Map<String, Object> payload(SimulatedStore.Result<Map<String, Object>> result) {
        var payload = new HashMap<String, Object>();
        payload.put("webhookSubscription", result.value());
        payload.put("userErrors", result.userError() == null ? List.of() : List.of(result.userError()));
        return payload;
    }

    private static SimulatedWebhookSubscriptions subscriptions(SimulatorGraphql.Scope scope) {
        return scope.store().webhookSubscriptions();
    }
}
