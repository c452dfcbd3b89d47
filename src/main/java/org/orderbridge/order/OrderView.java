package org.orderbridge.order;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.web.ApiCaller;
import org.springframework.beans.factory.ObjectProvider;

/** The API's representation of an order. */
record OrderView(
        String id,
        OrderSource source,
        OrderStatus status,
        String shop,
        @Nullable String externalId,
        @Nullable Long shopifyOrderId,
        @Nullable String shopifyGid,
        @Nullable String name,
        @Schema(description = PERSONAL_DATA) @Nullable Customer customer,
        @Schema(description = PERSONAL_DATA) @Nullable Address shippingAddress,
        @Schema(description = PERSONAL_DATA) @Nullable Address billingAddress,
        List<LineItem> lineItems,
        @Nullable Money total,
        @Nullable String financialStatus,
        @Nullable String fulfillmentStatus,
        @Nullable Instant cancelledAt,
        @Nullable String cancelReason,

        @Schema(description = "A cancellation in Shopify asked through the API, until Shopify has done it or refused")
        @Nullable Cancellation cancellation,

        @Nullable String note,
        List<String> tags,
        @Nullable Instant shopifyUpdatedAt,
        @Nullable String lastError,
        Instant createdAt,
        Instant updatedAt,
        long version,

        @ArraySchema(
                arraySchema = @Schema(description = "The order's shipments (in the single-order view only)"),
                schema = @Schema(ref = "#/components/schemas/ShipmentView"))
        @Nullable List<?> shipments,

        @Schema(description = "What the order costs beyond its lines' prices and how it was paid, as accepted")
        @Nullable CommercialTerms commercialTerms,

        @Nullable Instant processedAt,

        @Schema(description = "What an order accepted from the API adds up to (absent for orders from Shopify)")
        @Nullable OrderTotals expectedTotals,

        @Schema(description = "Shopify's totals of the pushed order where they differ from expectedTotals") @Nullable TotalsMismatch totalsMismatch,

        @Schema(description = "When a person marked the totals difference seen in the ops console") @Nullable Instant totalsMismatchSeenAt,

        @Schema(
                description =
                        "Per line, what Shopify said is left to ship, as of its last read of the order's"
                                + " fulfillment orders (before each shipment's create); empty before the first (single-order view only)")
        @Nullable List<LeftToShip> leftToShip) {

    record Money(String amount, String currency) {

        static @Nullable Money of(@Nullable BigDecimal amount, String currency) {
            return amount == null ? null : new Money(amount.stripTrailingZeros().toPlainString(), currency);
        }
    }

    /** What was asked of Shopify's orderCancel, and where it stands. */
    record Cancellation(
            CancellationState state,
            CancelReason reason,
            boolean restock,
            boolean refund,
            boolean notifyCustomer,
            @Nullable String staffNote,
            @Nullable Instant requestedAt,
            @Nullable String error) {

        static @Nullable Cancellation of(Order o) {
            CancelRequest request = o.cancelRequest();
            CancellationState state = o.cancelState();
            return request == null || state == null
                    ? null
                    : new Cancellation(
                            state,
                            request.reason(),
                            request.restock(),
                            request.refund(),
                            request.notifyCustomer(),
                            request.staffNote(),
                            o.cancelRequestedAt(),
                            o.cancelError());
        }
    }

    /** Masked in the answers to a reporting key, as in every answer of the orders API. */
    static final String PERSONAL_DATA =
            "Personal data: absent from every answer to a key of the report role, which sees no customer or address";

    static OrderView of(Order o) {
        return of(o, null, null);
    }

    /** The single-order view: with the order's shipments and what is left to ship. */
    static OrderView withShipments(Order o, ObjectProvider<OrderShipments> shipments) {
        return of(
                o,
                shipments.stream().flatMap(s -> s.of(o.id()).stream()).toList(),
                shipments.stream().flatMap(s -> s.leftToShip(o.id()).stream()).toList());
    }

    /** With the order's shipments and what is left to ship, which only the single-order view carries. */
    static OrderView of(Order o, @Nullable List<?> shipments, @Nullable List<LeftToShip> leftToShip) {
        boolean personalData = ApiCaller.current().personalData();
        return new OrderView(
                o.id().toString(),
                o.source(),
                o.status(),
                o.shopDomain(),
                o.externalId(),
                o.shopifyOrderId(),
                o.shopifyGid(),
                o.name(),
                personalData ? o.customer() : null,
                personalData ? o.shippingAddress() : null,
                personalData ? o.billingAddress() : null,
                o.lineItems(),
                Money.of(o.totalPrice(), o.currency()),
                o.financialStatus(),
                o.fulfillmentStatus(),
                o.cancelledAt(),
                o.cancelReason(),
                Cancellation.of(o),
                o.note(),
                o.tags(),
                o.shopifyUpdatedAt(),
                o.lastError(),
                o.createdAt(),
                o.updatedAt(),
                o.version(),
                shipments,
                o.commercialTerms().equals(CommercialTerms.NONE) ? null : o.commercialTerms(),
                o.processedAt(),
                o.expectedTotals(),
                o.totalsMismatch(),
                o.totalsMismatchSeenAt(),
                leftToShip);
    }
}
