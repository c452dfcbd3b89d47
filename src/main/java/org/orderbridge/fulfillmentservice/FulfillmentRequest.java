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
                answeredBy,
                null,
                receivedAt,
                at);
    }

    FulfillmentRequest answered(
            RequestStatus to, @Nullable String reason, @Nullable String message, String by, Instant at) {
        return new FulfillmentRequest(
                id,
                shop,
                fulfillmentOrderGid,
                orderGid,
                to,
                AnswerState.PENDING,
                merchantMessage,
                reason,
                message,
                by,
                null,
                receivedAt,
                at);
    }

    FulfillmentRequest answerSent(Instant at) {
        return new FulfillmentRequest(
                id,
                shop,
                fulfillmentOrderGid,
                orderGid,
                status,
                AnswerState.SENT,
                merchantMessage,
                reason,
                message,
                answeredBy,
                null,
                receivedAt,
                at);
    }

    FulfillmentRequest answerRefused(String error, Instant at) {
        return new FulfillmentRequest(
                id,
                shop,
                fulfillmentOrderGid,
                orderGid,
                status,
                AnswerState.REFUSED,
                merchantMessage,
                reason,
                message,
                answeredBy,
                error,
                receivedAt,
                at);
    }
}
