package org.orderbridge.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A grouped bulk result read back one order at a time, in the shape the paginated query returns. */
@Tag("unit")
class BulkOrderReaderTest {

    private static final String SHOP = "bulk-reader.myshopify.com";
    private static final Instant UPDATED = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void anOrderReadFromItsLinesMapsToTheSnapshotItsPaginatedNodeMapsTo() {
        ObjectNode paginated = ReconcileFixtures.orderNode(4711L, UPDATED, "gift");

        List<ObjectNode> read = readAll(BulkFixtures.jsonl(List.of(paginated)), 0);

        assertThat(read).hasSize(1);
        assertThat(ShopifyOrderNodes.snapshot(SHOP, read.getFirst()))
                .isEqualTo(ShopifyOrderNodes.snapshot(SHOP, paginated));
    }

    @Test
    void eachOrderGetsItsOwnLineItemsBack() {
        var first = ReconcileFixtures.orderNode(1L, UPDATED, "one");
        var second = ReconcileFixtures.orderNode(2L, UPDATED, "two");

        List<ObjectNode> read = readAll(BulkFixtures.jsonl(List.of(first, second)), 0);

        assertThat(read)
                .extracting(order ->
                        order.path("lineItems").path("nodes").get(0).path("id").asString())
                .containsExactly("gid://shopify/LineItem/10", "gid://shopify/LineItem/20");
        assertThat(read.getFirst().path("lineItems").path("nodes").get(0).has("__parentId"))
                .isFalse();
    }

    @Test
    void anOrderWithoutLineItemsHasAnEmptyConnection() {
        ObjectNode order = ReconcileFixtures.orderNode(3L, UPDATED, "none");
        ((ObjectNode) order.path("lineItems")).putArray("nodes");

        List<ObjectNode> read = readAll(BulkFixtures.jsonl(List.of(order)), 0);

        assertThat(read.getFirst().path("lineItems").path("nodes").isEmpty()).isTrue();
    }

    @Test
    void resumingAfterTheLinesConsumedReadsTheOrdersNotYetApplied() {
        var orders = List.of(
                ReconcileFixtures.orderNode(1L, UPDATED, "one"),
                ReconcileFixtures.orderNode(2L, UPDATED, "two"),
                ReconcileFixtures.orderNode(3L, UPDATED, "three"));
        byte[] file = BulkFixtures.jsonl(orders);
        long afterFirst;
        try (var reader = reader(file, 0)) {
            reader.next();
            afterFirst = reader.linesConsumed();
        }

        List<ObjectNode> rest = readAll(file, afterFirst);

        assertThat(afterFirst).as("the order's line and its two line items").isEqualTo(3);
        assertThat(rest)
                .extracting(o -> o.path("id").asString())
                .containsExactly("gid://shopify/Order/2", "gid://shopify/Order/3");
    }

    @Test
    void aLineItemThatDoesNotFollowItsOrderIsRefused() {
        String ungrouped = """
                {"id":"gid://shopify/Order/1","updatedAt":"2026-11-20T10:00:00Z"}
                {"id":"gid://shopify/Order/2","updatedAt":"2026-11-20T10:00:00Z"}
                {"id":"gid://shopify/LineItem/10","__parentId":"gid://shopify/Order/1"}
                """;

        assertThatThrownBy(() -> readAll(ungrouped.getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(BulkOrderReader.MalformedBulkResult.class)
                .hasMessageContaining("gid://shopify/Order/1");
    }

    @Test
    void aChildOfAnUnknownConnectionIsRefused() {
        String unknown = """
                {"id":"gid://shopify/Order/1","updatedAt":"2026-11-20T10:00:00Z"}
                {"id":"gid://shopify/Fulfillment/10","__parentId":"gid://shopify/Order/1"}
                """;

        assertThatThrownBy(() -> readAll(unknown.getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(BulkOrderReader.MalformedBulkResult.class)
                .hasMessageContaining("Fulfillment");
    }

    @Test
    void readsAsTheFileArrivesInsteadOfLoadingIt() {
        var source = new GeneratedResult(1_000_000);

        try (var reader = new BulkOrderReader(source, ReconcileFixtures.JSON, BulkOrderQuery.CONNECTIONS, 0)) {
            for (int i = 0; i < 1_000; i++) {
                assertThat(reader.next()).isNotNull();
            }
        }

        assertThat(source.handedOut)
                .as("bytes taken from a file of a million orders after a thousand")
                .isLessThan(2_000L * source.bytesPerOrder());
    }

    private static List<ObjectNode> readAll(byte[] file, long skip) {
        var read = new ArrayList<ObjectNode>();
        try (var reader = reader(file, skip)) {
            ObjectNode order;
            while ((order = reader.next()) != null) {
                read.add(order);
            }
        }
        return read;
    }

    private static BulkOrderReader reader(byte[] file, long skip) {
        return new BulkOrderReader(
                new ByteArrayInputStream(file), ReconcileFixtures.JSON, BulkOrderQuery.CONNECTIONS, skip);
    }

    /** A result file produced as it is read, counting the bytes handed out. */
    private static final class GeneratedResult extends InputStream {
        private final long orders;
        private long next;
        private byte[] current = new byte[0];
        private int position;
        long handedOut;

        GeneratedResult(long orders) {
            this.orders = orders;
        }

        long bytesPerOrder() {
            return BulkFixtures.jsonl(List.of(ReconcileFixtures.orderNode(1L, UPDATED, "x"))).length;
        }

        @Override
        public int read() {
            if (position == current.length) {
                if (next == orders) {
                    return -1;
                }
                JsonNode order = ReconcileFixtures.orderNode(++next, UPDATED, "x");
                current = BulkFixtures.jsonl(List.of((ObjectNode) order));
                position = 0;
            }
            handedOut++;
            return current[position++] & 0xff;
        }
    }
}
