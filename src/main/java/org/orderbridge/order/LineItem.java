package org.orderbridge.order;

import java.math.BigDecimal;

public record LineItem(
        Long shopifyLineItemId, String sku, Long variantId, String title, int quantity, BigDecimal unitPrice) {}
