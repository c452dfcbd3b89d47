package org.orderbridge.shopify;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** An order as it is to be created in Shopify; {@code orderId} is our id, which makes the creation idempotent. */
public record OrderDraft(String shopDomain, UUID orderId, String email, String phone, String firstName,
        String lastName, Address shippingAddress, Address billingAddress, String currency, List<Line> lines,
        String note, List<String> tags) {

    public record Address(String firstName, String lastName, String company, String address1, String address2,
            String city, String province, String provinceCode, String zip, String country, String countryCode,
            String phone) {
    }

    public record Line(String sku, Long variantId, String title, int quantity, BigDecimal unitPrice) {
    }
}
