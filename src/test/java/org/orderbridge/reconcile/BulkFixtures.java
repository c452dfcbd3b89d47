package org.orderbridge.reconcile;

import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Bulk query results in Shopify's JSONL form, made from order nodes in the paginated query's shape. */
final class BulkFixtures {

    private BulkFixtures() {}

    /** Each order on a line without its line items, each line item on a line of its own below it. */
    static byte[] jsonl(List<ObjectNode> orders) {
        var out = new ByteArrayOutputStream();
        for (ObjectNode order : orders) {
            ObjectNode parent = order.deepCopy();
            JsonNode lineItems = parent.remove("lineItems");
            write(out, parent);
            for (JsonNode item : lineItems.path("nodes")) {
                ObjectNode child = ((ObjectNode) item).deepCopy();
                child.put("__parentId", order.path("id").asString());
                write(out, child);
            }
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, JsonNode line) {
        out.writeBytes(ReconcileFixtures.JSON.writeValueAsBytes(line));
        out.write('\n');
    }
}
