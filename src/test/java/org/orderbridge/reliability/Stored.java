package org.orderbridge.reliability;

import static org.orderbridge.reliability.ReliabilityFixtures.PUSH_SHOP;
import static org.orderbridge.reliability.ReliabilityFixtures.WEBHOOK_SHOP;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the database holds, read straight from the writable server. */
final class Stored {

    private final int port;

    Stored(int port) {
        this.port = port;
    }

    /** Processed deliveries among the given webhook ids. */
    long processedWebhooks(Iterable<String> webhookIds) throws SQLException {
        var ids = new ArrayList<String>();
        webhookIds.forEach(ids::add);
        try (Connection c = PostgresServers.connect(port);
                var s = c.prepareStatement("select count(*) from webhook_delivery where webhook_id = any(?)")) {
            s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Shopify order id → number of shop_order rows of the webhook shop. */
    Map<Long, Long> ordersPerShopifyId() throws SQLException {
        var counts = new HashMap<Long, Long>();
        query(
                "select shopify_order_id, count(*) from shop_order where shop_domain = '" + WEBHOOK_SHOP
                        + "' group by shopify_order_id",
                rs -> counts.put(rs.getLong(1), rs.getLong(2)));
        return counts;
    }

    /** externalId → the intake orders stored for it (a list, so that a duplicate would show). */
    Map<String, List<StoredOrder>> ordersPerExternalId() throws SQLException {
        var orders = new LinkedHashMap<String, List<StoredOrder>>();
        query(
                "select external_id, id, status, shopify_order_id from shop_order where shop_domain = '" + PUSH_SHOP
                        + "'",
                rs -> orders.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new StoredOrder(rs.getString(2), rs.getString(3), (Long) rs.getObject(4))));
        return orders;
    }

    private interface Row {
        void read(java.sql.ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row) throws SQLException {
        try (Connection c = PostgresServers.connect(port);
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }

    record StoredOrder(String id, String status, Long shopifyOrderId) {}
}
