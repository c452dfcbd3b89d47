package org.orderbridge.order;

public record Address(
        String firstName,
        String lastName,
        String company,
        String address1,
        String address2,
        String city,
        String province,
        String provinceCode,
        String zip,
        String country,
        String countryCode,
        String phone) {}
