package org.orderbridge.shopify.simulator;

import graphql.GraphqlErrorException;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code orders} connection: Shopify's search syntax for {@code updated_at} and {@code created_at} ranges, the
 * sort keys UPDATED_AT, CREATED_AT and ID, opaque cursors, and Shopify's calculated query cost for connections: the
 * request is charged {@code 2 + first x (cost of one node)} up front, refunded down to what the answer really held.
 */
final class SimulatorOrdersQuery {

    private static final Pattern TERM = Pattern.compile("(updated_at|created_at):(>=|<=|>|<)?['\"]?([^'\"\\s]+)['\"]?");

    private SimulatorOrdersQuery() {}

    /** Whether the operation is charged by this class's connection cost rather than the simplified one. */
    static boolean charges(OperationDefinition operation) {
        List<String> roots = SimulatorGraphql.rootFields(operation);
        return roots.contains("orders") || roots.contains("productVariants");
    }

    static Object orders(DataFetchingEnvironment env, SimulatorGraphql.Scope scope) {
        Integer first = env.getArgument("first");
        if (first == null || env.getArgument("last") != null || env.getArgument("before") != null) {
            throw error("orders is only simulated forwards, with first (and after)", "BAD_REQUEST");
        }
        if (first < 1 || first > 250) {
            throw error("first must be between 1 and 250", "BAD_REQUEST");
        }
        String sortKey = env.getArgument("sortKey") == null ? "ID" : env.getArgument("sortKey");
        boolean reverse = Boolean.TRUE.equals(env.getArgument("reverse"));
        Predicate<Row> filter = filter(env.getArgument("query"));
        OrderRevisions revisions = scope.store().revisions();
        Comparator<Row> order = Comparator.comparing((Row row) -> row.sortValue(sortKey))
                .thenComparingLong(row -> row.order.legacyId());
        if (reverse) {
            order = order.reversed();
        }
        List<Row> rows = scope.store().orders(scope.shop()).stream()
                .map(o -> new Row(o, revisions.current(o)))
                .filter(filter)
                .sorted(order)
                .toList();
        String after = env.getArgument("after");
        int start = 0;
        if (after != null) {
            Cursor cursor = Cursor.parse(after);
            Comparator<Row> byOrder = order;
            start = (int) rows.stream()
                    .takeWhile(row -> byOrder.compare(row, cursor.asRow(sortKey)) <= 0)
                    .count();
        }
        List<Row> page = rows.subList(Math.min(start, rows.size()), Math.min(start + first, rows.size()));
        var nodes = new ArrayList<Map<String, Object>>();
        var edges = new ArrayList<Map<String, Object>>();
        for (Row row : page) {
            Map<String, Object> node = SimulatedOrderViews.node(row.order, row.revision);
            nodes.add(node);
            edges.add(Map.of("cursor", Cursor.of(row, sortKey), "node", node));
        }
        var pageInfo = new LinkedHashMap<String, Object>();
        pageInfo.put("hasNextPage", start + page.size() < rows.size());
        pageInfo.put("hasPreviousPage", start > 0);
        pageInfo.put("startCursor", page.isEmpty() ? null : Cursor.of(page.getFirst(), sortKey));
        pageInfo.put("endCursor", page.isEmpty() ? null : Cursor.of(page.getLast(), sortKey));
        return Map.of("nodes", nodes, "edges", edges, "pageInfo", pageInfo);
    }

    /** What the answer really held, counted the same way: what Shopify charges in the end (actualQueryCost). */
    @SuppressWarnings("unchecked")
    static int actualCost(Object data) {
        if (!(data instanceof Map<?, ?> root)) {
            return 0;
        }
        int cost = 0;
        for (Object value : root.values()) {
            cost += valueCost(value);
        }
        return cost;
    }

    private static int valueCost(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().mapToInt(SimulatorOrdersQuery::valueCost).sum();
        }
        if (!(value instanceof Map<?, ?> object)) {
            return 0;
        }
        boolean connection = object.containsKey("nodes") || object.containsKey("edges");
        int cost = connection ? 2 : 1;
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            if (entry.getKey().equals("pageInfo")) {
                continue;
            }
            if (connection && entry.getKey().equals("edges")) {
                // An edge is no object of its own; its node is.
                for (Object edge : (List<?>) entry.getValue()) {
                    cost += valueCost(((Map<?, ?>) edge).get("node"));
                }
                continue;
            }
            cost += valueCost(entry.getValue());
        }
        return cost;
    }

    private static Predicate<Row> filter(String query) {
        Predicate<Row> filter = row -> true;
        if (query == null || query.isBlank()) {
            return filter;
        }
        for (String term : query.trim().split("\\s+")) {
            if (term.equals("AND")) {
                continue;
            }
            Matcher matcher = TERM.matcher(term);
            if (!matcher.matches()) {
                throw error("The simulator searches orders only by updated_at and created_at: " + term, "BAD_REQUEST");
            }
            boolean updated = matcher.group(1).equals("updated_at");
            String operator = matcher.group(2) == null ? "=" : matcher.group(2);
            Instant bound = instant(matcher.group(3));
            filter = filter.and(row -> {
                Instant value = (updated ? row.revision.updatedAt() : row.order.createdAt()).toInstant();
                int compared = value.compareTo(bound);
                return switch (operator) {
                    case ">=" -> compared >= 0;
                    case ">" -> compared > 0;
                    case "<=" -> compared <= 0;
                    case "<" -> compared < 0;
                    default -> compared == 0;
                };
            });
        }
        return filter;
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw error("Invalid timestamp in search query: " + value, "BAD_REQUEST");
            }
        }
    }

    private static GraphqlErrorException error(String message, String code) {
        return GraphqlErrorException.newErrorException()
                .message(message)
                .extensions(Map.of("code", code))
                .build();
    }

    private record Row(SimulatedOrder order, OrderRevisions.Revision revision) {

        Instant sortValue(String sortKey) {
            return switch (sortKey) {
                case "UPDATED_AT" -> revision.updatedAt().toInstant();
                case "CREATED_AT" -> order.createdAt().toInstant();
                case "ID" -> Instant.EPOCH;
                default ->
                    throw error("The simulator sorts orders only by UPDATED_AT, CREATED_AT or ID", "BAD_REQUEST");
            };
        }
    }

    /** The sort value and id of the last order of a page, as Shopify's opaque cursors hold them. */
    private record Cursor(Instant sortValue, long legacyId) {

        static String of(Row row, String sortKey) {
            String raw = row.sortValue(sortKey) + "|" + row.order.legacyId();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                return new Cursor(Instant.parse(raw.substring(0, bar)), Long.parseLong(raw.substring(bar + 1)));
            } catch (RuntimeException e) {
                throw error("Invalid cursor: " + cursor, "BAD_REQUEST");
            }
        }

        /** A stand-in row with the cursor's sort value, so that rows compare against it. */
        Row asRow(String sortKey) {
            var updated = OffsetDateTime.ofInstant(sortValue, ZoneOffset.UTC);
            var order = new SimulatedOrder(null, legacyId, null, updated, Map.of(), null);
            return new Row(order, new OrderRevisions.Revision(updated, null, List.of(), "pending"));
        }
    }
}
