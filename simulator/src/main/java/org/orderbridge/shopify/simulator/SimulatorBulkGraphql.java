package org.orderbridge.shopify.simulator;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import java.util.HashMap;
import java.util.Map;

/** Bulk query operations in the simulated Admin API: start, cancel, and the three ways to read one back. */
final class SimulatorBulkGraphql {

    private SimulatorBulkGraphql() {}

    static Map<FieldCoordinates, DataFetcher<?>> fetchers(String query, String mutation) {
        var fetchers = new HashMap<FieldCoordinates, DataFetcher<?>>();
        fetchers.put(
                FieldCoordinates.coordinates(mutation, "bulkOperationRunQuery"),
                SimulatorGraphql.fetcher((env, scope) -> scope.store()
                        .bulkOperations()
                        .runQuery(
                                scope.shop(),
                                env.getArgument("query"),
                                Boolean.TRUE.equals(env.getArgument("groupObjects")))));
        fetchers.put(
                FieldCoordinates.coordinates(mutation, "bulkOperationCancel"),
                SimulatorGraphql.fetcher(
                        (env, scope) -> scope.store().bulkOperations().cancel(scope.shop(), env.getArgument("id"))));
        fetchers.put(
                FieldCoordinates.coordinates(query, "bulkOperation"),
                SimulatorGraphql.fetcher(
                        (env, scope) -> scope.store().bulkOperations().find(scope.shop(), env.getArgument("id"))));
        fetchers.put(
                FieldCoordinates.coordinates(query, "currentBulkOperation"),
                SimulatorGraphql.fetcher(
                        (env, scope) -> scope.store().bulkOperations().current(scope.shop())));
        // Only bulk operations are simulated as nodes.
        fetchers.put(
                FieldCoordinates.coordinates(query, "node"),
                SimulatorGraphql.fetcher(
                        (env, scope) -> scope.store().bulkOperations().find(scope.shop(), env.getArgument("id"))));
        return fetchers;
    }
}
