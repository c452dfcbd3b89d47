package org.orderbridge.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A customer's personal data is being erased from a shop (Shopify's customers/redact). Published inside the erasing
 * transaction, like {@link ShopErased}.
 *
 * @param shopifyOrderIds the orders Shopify named in the request, which may belong to a guest checkout without the
 *     customer's id
 */
public record CustomerErased(String shopDomain, long customerId, List<Long> shopifyOrderIds) {

    public CustomerErased {
        shopifyOrderIds = List.copyOf(shopifyOrderIds);
    }

    /**
     * A regular expression (the same in Java and PostgreSQL) for text that contains the customer's id or one of the
     * orders' ids as a whole number. Shopify's ids are long enough that another number rarely matches; what does is
     * erased too, which loses nothing that reconciliation cannot read back.
     */
    public String mentionedIn() {
        var ids = new ArrayList<Long>(shopifyOrderIds);
        ids.add(customerId);
        return "(^|[^0-9])(" + ids.stream().map(String::valueOf).collect(Collectors.joining("|")) + ")([^0-9]|$)";
    }
}
