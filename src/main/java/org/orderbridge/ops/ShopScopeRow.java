package org.orderbridge.ops;

import java.util.List;
import org.orderbridge.access.ShopAccess;

/**
 * A shop that has not granted scopes its features need, one line per feature ("Shipments (fulfillments): read_locations").
 */
record ShopScopeRow(String shop, List<String> missing, String checked) {

    static ShopScopeRow of(ShopAccess access) {
        return new ShopScopeRow(
                access.shop(),
                access.describeMissing(),
                access.checkedAt() == null ? "never" : access.checkedAt().toString());
    }
}
