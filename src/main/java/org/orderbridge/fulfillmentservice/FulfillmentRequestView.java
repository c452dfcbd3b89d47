package org.orderbridge.fulfillmentservice;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A fulfillment request as the API shows it.
 *
 * @param answer whether our answer is due to be sent to Shopify ({@code PENDING}), {@code SENT}, or {@code REFUSED}
 *     ({@code answerError} says why); {@code NONE} while no answer is given
 * @param answeredBy the API key's name, {@code rule} (the shop's accept rule) or {@code shipments} (a cancellation
 *     decided by what was shipped)
 */
record FulfillmentRequestView(
        UUID id,
        String shop,
        String fulfillmentOrderId,
        @Nullable String orderId,
        RequestStatus status,
        AnswerState answer,
        @Nullable String merchantMessage,
        @Nullable String reason,
        @Nullable String message,
        @Nullable String answeredBy,
        @Nullable String answerError,
        Instant receivedAt,
        Instant updatedAt) {

    static FulfillmentRequestView of(FulfillmentRequest r) {
        return new FulfillmentRequestView(
                r.id(),
                r.shop(),
                r.fulfillmentOrderGid(),
                r.orderGid(),
                r.status(),
                r.answer(),
                r.merchantMessage(),
                r.reason(),
                r.message(),
                r.answeredBy(),
                r.answerError(),
                r.receivedAt(),
                r.updatedAt());
    }
}
