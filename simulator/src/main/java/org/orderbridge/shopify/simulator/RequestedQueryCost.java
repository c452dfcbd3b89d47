package org.orderbridge.shopify.simulator;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shopify's requested query cost, worked out from the document before anything runs: an object is 1 point, a scalar or
 * enum 0, a connection 2 plus {@code first} times the cost of one node (so nested connections multiply), and a list
 * with {@code first} (such as {@code Order.fulfillments}) counts like a connection of that many objects. Page info is
 * free. Shopify refuses a query costing more than {@link #MAX} with MAX_COST_EXCEEDED and charges nothing.
 */
public final class RequestedQueryCost {

    /** Shopify's single query max cost. */
    public static final int MAX = 1000;

    private RequestedQueryCost() {}

    /** The requested cost of the document's first operation with these variables. */
    public static int of(Document document, Map<String, Object> variables) {
        OperationDefinition operation =
                document.getDefinitionsOfType(OperationDefinition.class).getFirst();
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, fragment -> fragment));
        return of(operation, fragments, variables);
    }

    static int of(
            OperationDefinition operation, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        return selectionCost(operation.getSelectionSet(), fragments, variables);
    }

    /** Shopify's answer to a query whose requested cost exceeds {@link #MAX}; nothing is charged. */
    static Map<String, Object> maxCostExceeded(int requested) {
        return Map.of(
                "errors",
                List.of(Map.of(
                        "message",
                        "Query cost is " + requested + ", which exceeds the single query max cost limit (" + MAX + ").",
                        "extensions",
                        Map.of("code", "MAX_COST_EXCEEDED", "cost", requested, "maxCost", MAX))));
    }

    private static int selectionCost(
            SelectionSet selections, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        int cost = 0;
        for (Field field : fields(selections, fragments)) {
            if (field.getSelectionSet() == null || field.getName().equals("pageInfo")) {
                continue;
            }
            Integer size = size(field, variables);
            if (size == null) {
                cost += 1 + selectionCost(field.getSelectionSet(), fragments, variables);
                continue;
            }
            List<Field> children = fields(field.getSelectionSet(), fragments);
            boolean connection = children.stream()
                    .anyMatch(child -> List.of("nodes", "edges", "pageInfo").contains(child.getName()));
            int node = 0;
            if (!connection) {
                node = 1 + selectionCost(field.getSelectionSet(), fragments, variables);
            }
            for (Field child : connection ? children : List.<Field>of()) {
                if (child.getName().equals("nodes")) {
                    node += 1 + selectionCost(child.getSelectionSet(), fragments, variables);
                } else if (child.getName().equals("edges")) {
                    for (Field edgeField : fields(child.getSelectionSet(), fragments)) {
                        if (edgeField.getName().equals("node")) {
                            node += 1 + selectionCost(edgeField.getSelectionSet(), fragments, variables);
                        }
                    }
                }
            }
            // A connection selected without nodes or edges (only pageInfo) still costs its 2 points.
            cost += 2 + size * node;
        }
        return cost;
    }

    private static List<Field> fields(SelectionSet selections, Map<String, FragmentDefinition> fragments) {
        var fields = new ArrayList<Field>();
        if (selections == null) {
            return fields;
        }
        for (Selection<?> selection : selections.getSelections()) {
            switch (selection) {
                case Field field -> fields.add(field);
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null) {
                        fields.addAll(fields(fragment.getSelectionSet(), fragments));
                    }
                }
                case InlineFragment inline -> fields.addAll(fields(inline.getSelectionSet(), fragments));
                default -> {}
            }
        }
        return fields;
    }

    private static Integer size(Field field, Map<String, Object> variables) {
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals("first") || argument.getName().equals("last")) {
                return switch (argument.getValue()) {
                    case IntValue value -> value.getValue().intValue();
                    case VariableReference reference ->
                        variables.get(reference.getName()) instanceof Number n ? n.intValue() : 0;
                    default -> 0;
                };
            }
        }
        return null;
    }
}
