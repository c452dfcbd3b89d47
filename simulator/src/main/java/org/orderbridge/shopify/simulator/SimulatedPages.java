package org.orderbridge.shopify.simulator;

import graphql.schema.DataFetcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopify's forward paging of a connection or a list with {@code first} and {@code after}: only the first nodes after
 * the cursor, and for a connection whether more follow and the cursor of the last node, so that a client sees what a
 * truncated answer looks like and can read on
 * (https://shopify.dev/docs/api/usage/pagination-graphql).
 */
final class SimulatedPages {

    private static final String CURSOR_PREFIX = "sim-cursor:";

    private SimulatedPages() {}

    static <T> List<T> first(List<T> items, Integer first) {
        return first == null ? items : items.subList(0, Math.min(first, items.size()));
    }

    static Map<String, Object> connection(List<?> nodes, Integer first) {
        return connection(nodes, first, null);
    }

    /** A page of the nodes after {@code after} (a cursor this class handed out), at most {@code first} of them. */
    static Map<String, Object> connection(List<?> nodes, Integer first, String after) {
        int start = after == null ? 0 : start(after);
        List<?> rest = nodes.subList(Math.min(start, nodes.size()), nodes.size());
        List<?> page = first(rest, first);
        var pageInfo = new LinkedHashMap<String, Object>();
        pageInfo.put("hasNextPage", page.size() < rest.size());
        pageInfo.put("hasPreviousPage", start > 0);
        pageInfo.put("startCursor", page.isEmpty() ? null : CURSOR_PREFIX + start);
        pageInfo.put("endCursor", page.isEmpty() ? null : CURSOR_PREFIX + (start + page.size()));
        return Map.of("nodes", page, "pageInfo", pageInfo);
    }

    /** Pages the nodes a parent's map holds under {@code field}, as its connection field's fetcher. */
    static DataFetcher<Object> nested(String field) {
        return env -> {
            Map<?, ?> parent = env.getSource();
            if (parent == null || !(parent.get(field) instanceof Map<?, ?> connection)) {
                return null;
            }
            return connection((List<?>) connection.get("nodes"), env.getArgument("first"), env.getArgument("after"));
        };
    }

    private static int start(String cursor) {
        if (!cursor.startsWith(CURSOR_PREFIX)) {
            throw graphql.GraphqlErrorException.newErrorException()
                    .message("Invalid cursor for current pagination sort.")
                    .build();
        }
        return Integer.parseInt(cursor.substring(CURSOR_PREFIX.length()));
    }
}
