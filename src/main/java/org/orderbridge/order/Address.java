package org.orderbridge.order;

import org.jspecify.annotations.Nullable;

/** A postal address. Shopify's may lack any part; one accepted by the API has address1, city and country code. */
public record Address(
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String company,
        @Nullable String address1,
        @Nullable String address2,
        @Nullable String city,
        @Nullable String province,
        @Nullable String provinceCode,
        @Nullable String zip,
        @Nullable String country,
        @Nullable String countryCode,
        @Nullable String phone) {}
