package org.orderbridge.shopify.simulator;

import graphql.schema.DataFetcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopify's forward paging of a connection or a list with {@code first}: only the first nodes, and for a connection
 * whether more follow, so that a client sees what a truncated answer looks like.
 */
final class SimulatedPages {

    private SimulatedPages() {}

    static <T> List<T> first(List<T> items, Integer first) {
        return first == null ? items : items.subList(0, Math.min(first, items.size()));
    }

    static Map<String, Object> connection(List<?> nodes, Integer first) {
        var pageInfo = new LinkedHashMap<String, Object>();
        pageInfo.put("hasNextPage", first != null && first < nodes.size());
        pageInfo.put("hasPreviousPage", false);
        return Map.of("nodes", first(nodes, first), "pageInfo", pageInfo);
    }

    /** Pages the nodes a parent's map holds under {@code field}, as its connection field's fetcher. */
    static DataFetcher<Object> nested(String field) {
        return env -> {
            Map<?, ?> parent = env.getSource();
            if (parent == null || !(parent.get(field) instanceof Map<?, ?> connection)) {
                return null;
            }
            return connection((List<?>) connection.get("nodes"), env.getArgument("first"));
        };
    }
}
