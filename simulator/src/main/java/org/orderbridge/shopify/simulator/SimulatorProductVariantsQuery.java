package org.orderbridge.shopify.simulator;

import graphql.GraphqlErrorException;
import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code productVariants} connection searched by SKU, over the shops' catalogued variants
 * ({@link SimulatedInventory#catalogue}).
 *
 * <p>Shopify's rules, as documented on shopify.dev:
 *
 * <ul>
 *   <li>"productVariants" (https://shopify.dev/docs/api/admin-graphql/2026-10/queries/productVariants): the query
 *       filter {@code sku} "Filter by the product variant sku field", e.g. {@code sku:XYZ-12345}.
 *   <li>"Shopify API search syntax" (https://shopify.dev/docs/api/usage/search-syntax): terms separated by whitespace,
 *       joined by the connectives {@code OR} or {@code AND} (implied when none is given); a value is a name or a
 *       string quoted in single or double quotes; the special characters {@code : \ ( )} and a quote inside a quoted
 *       value are escaped with a backslash; the default search is case-insensitive.
 * </ul>
 *
 * <p>Only {@code sku} terms joined by {@code OR} are simulated; a term matches the variants whose whole SKU equals
 * its value ignoring case, so a client must check a match's SKU itself. Requested cost is Shopify's for a connection
 * ({@link RequestedQueryCost}), refunded down to what the answer held, as for {@code orders}.
 */
final class SimulatorProductVariantsQuery {

    private SimulatorProductVariantsQuery() {}

    static Object productVariants(DataFetchingEnvironment env, SimulatorGraphql.Scope scope) {
        Integer first = env.getArgument("first");
        if (first == null
                || env.getArgument("last") != null
                || env.getArgument("before") != null
                || env.getArgument("after") != null) {
            throw error("productVariants is only simulated as one page, with first");
        }
        if (first < 1 || first > 250) {
            throw error("first must be between 1 and 250");
        }
        String query = env.getArgument("query");
        if (query == null || query.isBlank()) {
            throw error("The simulator searches product variants only by sku");
        }
        Set<String> skus =
                skus(query).stream().map(sku -> sku.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<SimulatedInventory.Catalogued> matches =
                scope.store().inventory().catalogued(scope.shop(), sku -> skus.contains(sku.toLowerCase(Locale.ROOT)));
        List<SimulatedInventory.Catalogued> page = matches.subList(0, Math.min(first, matches.size()));
        var nodes = new ArrayList<Map<String, Object>>();
        var edges = new ArrayList<Map<String, Object>>();
        for (SimulatedInventory.Catalogued variant : page) {
            Map<String, Object> node = node(variant);
            nodes.add(node);
            edges.add(Map.of("cursor", cursor(variant), "node", node));
        }
        var pageInfo = new LinkedHashMap<String, Object>();
        pageInfo.put("hasNextPage", matches.size() > page.size());
        pageInfo.put("hasPreviousPage", false);
        pageInfo.put("startCursor", page.isEmpty() ? null : cursor(page.getFirst()));
        pageInfo.put("endCursor", page.isEmpty() ? null : cursor(page.getLast()));
        return Map.of("nodes", nodes, "edges", edges, "pageInfo", pageInfo);
    }

    /** The values of {@code sku:} terms joined by OR; anything else is refused. */
    static List<String> skus(String query) {
        var skus = new ArrayList<String>();
        int at = skipSpace(query, 0);
        boolean expectTerm = true;
        while (at < query.length()) {
            if (!expectTerm) {
                if (!query.startsWith("OR", at)
                        || at + 2 < query.length() && !Character.isWhitespace(query.charAt(at + 2))) {
                    throw error("The simulator joins sku terms only with OR: " + query);
                }
                at = skipSpace(query, at + 2);
                expectTerm = true;
                continue;
            }
            if (!query.startsWith("sku:", at)) {
                throw error("The simulator searches product variants only by sku: " + query);
            }
            at += 4;
            var value = new StringBuilder();
            at = value(query, at, value);
            skus.add(value.toString());
            at = skipSpace(query, at);
            expectTerm = false;
        }
        if (expectTerm) {
            throw error("Search query ends with a connective: " + query);
        }
        return skus;
    }

    /** Reads a name or a quoted string from {@code at} into {@code value}; returns where it ended. */
    private static int value(String query, int at, StringBuilder value) {
        char quote = at < query.length() ? query.charAt(at) : ' ';
        boolean quoted = quote == '\'' || quote == '"';
        int i = quoted ? at + 1 : at;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\\' && i + 1 < query.length()) {
                value.append(query.charAt(i + 1));
                i += 2;
                continue;
            }
            if (quoted ? c == quote : Character.isWhitespace(c)) {
                return quoted ? i + 1 : i;
            }
            if (!quoted && (c == ':' || c == '(' || c == ')')) {
                throw error("Unescaped special character '" + c + "' in search query: " + query);
            }
            value.append(c);
            i++;
        }
        if (quoted) {
            throw error("Unterminated quoted value in search query: " + query);
        }
        return i;
    }

    private static int skipSpace(String query, int at) {
        while (at < query.length() && Character.isWhitespace(query.charAt(at))) {
            at++;
        }
        return at;
    }

    private static Map<String, Object> node(SimulatedInventory.Catalogued variant) {
        var product = new LinkedHashMap<String, Object>();
        product.put("id", "gid://shopify/Product/" + variant.productId());
        product.put("legacyResourceId", Long.toString(variant.productId()));
        var node = new LinkedHashMap<String, Object>();
        node.put("id", "gid://shopify/ProductVariant/" + variant.variantId());
        node.put("legacyResourceId", Long.toString(variant.variantId()));
        node.put("sku", variant.sku());
        node.put("product", product);
        return node;
    }

    private static String cursor(SimulatedInventory.Catalogued variant) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Long.toString(variant.variantId()).getBytes(StandardCharsets.UTF_8));
    }

    private static GraphqlErrorException error(String message) {
        return GraphqlErrorException.newErrorException()
                .message(message)
                .extensions(Map.of("code", "BAD_REQUEST"))
                .build();
    }
}
