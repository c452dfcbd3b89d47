package org.orderbridge.fulfillmentservice;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The merchant's request for one fulfillment order assigned to the app's fulfillment service, and our answer.
 *
 * @param answer whether an answer to Shopify is due for {@code status}, sent, or refused ({@code answerError} says why)
 * @param answeredBy the API key's name, or {@code rule} for the configured accept rule, {@code shipments} for the
 *     cancellation decision
 */
public record FulfillmentRequest(
        UUID id,
        String shop,
        String fulfillmentOrderGid,
        @Nullable String orderGid,
        RequestStatus status,
        AnswerState answer,
        @Nullable String merchantMessage,
        @Nullable String reason,
        @Nullable String message,
        @Nullable String answeredBy,
        @Nullable String answerError,
        Instant receivedAt,
        Instant updatedAt) {

    FulfillmentRequest moved(RequestStatus to, AnswerState answerState, Instant at) {
        return with(to, answerState, reason, message, answeredBy, null, at);
    }

    FulfillmentRequest answered(
            RequestStatus to, @Nullable String reason, @Nullable String message, String by, Instant at) {
        return with(to, AnswerState.PENDING, reason, message, by, null, at);
    }

    FulfillmentRequest answerSent(Instant at) {
        return with(status, AnswerState.SENT, reason, message, answeredBy, null, at);
    }

    FulfillmentRequest answerRefused(String error, Instant at) {
        return with(status, AnswerState.REFUSED, reason, message, answeredBy, error, at);
    }

    private FulfillmentRequest with(
            RequestStatus to,
            AnswerState answerState,
            @Nullable String reason,
            @Nullable String message,
            @Nullable String by,
            @Nullable String error,
            Instant at) {
        return new FulfillmentRequest(
                id,
                shop,
                fulfillmentOrderGid,
                orderGid,
                to,
                answerState,
                merchantMessage,
                reason,
                message,
                by,
                error,
                receivedAt,
                at);
    }
}
