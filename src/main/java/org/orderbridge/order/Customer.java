package org.orderbridge.order;

import org.jspecify.annotations.Nullable;

/** The buyer of an order. Shopify's orders may lack any of it; an order accepted by the API has an e-mail. */
public record Customer(
        @Nullable String email,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String phone) {}
