package org.orderbridge.order;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The API's representation of an order. */
record OrderView(
        String id,
        OrderSource source,
        OrderStatus status,
        String shop,
        String externalId,
        Long shopifyOrderId,
        String shopifyGid,
        String name,
        Customer customer,
        Address shippingAddress,
        Address billingAddress,
        List<LineItem> lineItems,
        Money total,
        String financialStatus,
        String fulfillmentStatus,
        Instant cancelledAt,
        String cancelReason,
        String note,
        List<String> tags,
        Instant shopifyUpdatedAt,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        long version,

        @ArraySchema(
                arraySchema = @Schema(description = "The order's shipments (in the single-order view only)"),
                schema = @Schema(ref = "#/components/schemas/ShipmentView"))
        List<?> shipments) {

    record Money(String amount, String currency) {

        static Money of(BigDecimal amount, String currency) {
            return amount == null ? null : new Money(amount.stripTrailingZeros().toPlainString(), currency);
        }
    }

    static OrderView of(Order o) {
        return of(o, null);
    }

    /** With the order's shipments, which only the single-order view carries. */
    static OrderView of(Order o, List<?> shipments) {
        return new OrderView(
                o.id().toString(),
                o.source(),
                o.status(),
                o.shopDomain(),
                o.externalId(),
                o.shopifyOrderId(),
                o.shopifyGid(),
                o.name(),
                o.customer(),
                o.shippingAddress(),
                o.billingAddress(),
                o.lineItems(),
                Money.of(o.totalPrice(), o.currency()),
                o.financialStatus(),
                o.fulfillmentStatus(),
                o.cancelledAt(),
                o.cancelReason(),
                o.note(),
                o.tags(),
                o.shopifyUpdatedAt(),
                o.lastError(),
                o.createdAt(),
                o.updatedAt(),
                o.version(),
                shipments);
    }
}
