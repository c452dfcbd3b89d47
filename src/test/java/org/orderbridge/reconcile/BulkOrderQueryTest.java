package org.orderbridge.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderbridge.shopify.ShopifyOrderFeed;
import org.orderbridge.shopify.simulator.AdminSchema;

@Tag("unit")
class BulkOrderQueryTest {

    private static final Set<String> CONNECTION_PARTS = Set.of("edges", "node", "nodes", "pageInfo");

    @Test
    void validatesAgainstShopifysAdminSchema() {
        Document document = Parser.parse(BulkOrderQuery.updatedBetween(
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")));

        assertThat(ParseAndValidate.validate(AdminSchema.get(), document)).isEmpty();
    }

    @Test
    void filtersOnTheUpdateTimeInWholeSecondsThatHoldTheRange() {
        assertThat(BulkOrderQuery.updatedBetween(
                        Instant.parse("2026-11-01T08:30:15.123Z"), Instant.parse("2026-11-02T10:00:00.500Z")))
                .contains(
                        "orders(query: \"updated_at:>='2026-11-01T08:30:15Z' AND updated_at:<='2026-11-02T10:00:01Z'\","
                                + " sortKey: UPDATED_AT)");
    }

    @Test
    void readsTheSameOrderFieldsAsThePaginatedQuery() {
        Document bulk = Parser.parse(BulkOrderQuery.updatedBetween(
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")));
        Field orders = (Field) bulk.getDefinitionsOfType(OperationDefinition.class)
                .getFirst()
                .getSelectionSet()
                .getSelections()
                .getFirst();
        Document fragment = Parser.parse(ShopifyOrderFeed.ORDER_FRAGMENT);
        Map<String, FragmentDefinition> fragments = fragment.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f));

        Set<String> bulkFields = new TreeSet<>();
        paths(orders.getSelectionSet(), "", Map.of(), bulkFields);
        Set<String> paginatedFields = new TreeSet<>();
        paths(fragments.get("SnapshotOfOrder").getSelectionSet(), "", fragments, paginatedFields);

        assertThat(bulkFields).isNotEmpty().isEqualTo(paginatedFields);
    }

    @Test
    void childLinesOfEveryConnectionInTheQueryCanBePutBack() {
        assertThat(BulkOrderQuery.CONNECTIONS).containsOnlyKeys("LineItem").containsValue("lineItems");
    }

    /** Field paths of a selection, with fragments spread and connection plumbing (edges, nodes, pageInfo) left out. */
    private static void paths(
            SelectionSet selections, String prefix, Map<String, FragmentDefinition> fragments, Set<String> into) {
        for (var selection : selections.getSelections()) {
            if (selection instanceof FragmentSpread spread) {
                paths(fragments.get(spread.getName()).getSelectionSet(), prefix, fragments, into);
            } else if (selection instanceof Field field) {
                if (field.getName().equals("pageInfo")) {
                    continue;
                }
                String path = CONNECTION_PARTS.contains(field.getName()) ? prefix : prefix + "/" + field.getName();
                if (field.getSelectionSet() == null) {
                    into.add(path);
                } else {
                    paths(field.getSelectionSet(), path, fragments, into);
                }
            }
        }
    }
}
