package org.orderbridge.fulfillmentservice;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.orderbridge.push.PushHandler;
import org.orderbridge.shopify.ShopifyFulfillmentService;
import org.orderbridge.shopify.ShopifyFulfillmentService.Answer;
import org.orderbridge.shopify.ShopifyFulfillmentService.RequestedFulfillmentOrder;
import org.orderbridge.shopify.ShopifyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a request's due answer to Shopify, once. Shopify's request status is read before anything is sent: one that
 * already shows our answer (an earlier send whose answer was lost, or a second delivery of the message) is done without
 * sending; one still waiting is answered; anything else (the merchant withdrew or moved it) ends the answer as refused.
 * Two workers that both send meet Shopify's own rule: the second answer is refused because the first was taken, and the
 * read after a refusal finds ours. A cancellation request is decided here, from Shopify's own count of what is fulfilled
 * of the fulfillment order: accepted when nothing is, rejected otherwise.
 */
@Component
class FulfillmentAnswerHandler implements PushHandler {

    static final String KIND = "fulfillment-request-answer";

    static final String SHIPPED = "Items of this fulfillment order have shipped already; the rest ships as requested";

    private static final Logger log = LoggerFactory.getLogger(FulfillmentAnswerHandler.class);

    private final FulfillmentRequestRepository repository;
    private final ShopifyFulfillmentService shopify;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    FulfillmentAnswerHandler(
            FulfillmentRequestRepository repository,
            ShopifyFulfillmentService shopify,
            PlatformTransactionManager transactionManager,
            MeterRegistry meters,
            Clock clock) {
        this.repository = repository;
        this.shopify = shopify;
        this.transactions = new TransactionTemplate(transactionManager);
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void handle(UUID subjectId, long deadlineNanos) {
        Optional<FulfillmentRequest> found = repository.find(subjectId);
        if (found.isEmpty() || found.get().answer() != AnswerState.PENDING) {
            outcome("skipped");
            return;
        }
        FulfillmentRequest request = found.get();
        MDC.put("shop", request.shop());
        try {
            Optional<RequestedFulfillmentOrder> inShopify = shopify.read(request.shop(), request.fulfillmentOrderGid());
            if (inShopify.isEmpty()) {
                refused(request, "Shopify no longer shows the fulfillment order to the fulfillment service");
                return;
            }
            if (request.orderGid() == null) {
                recordOrder(request, inShopify.get().orderGid());
            }
            if (request.status() == RequestStatus.CANCELLATION_REQUESTED) {
                request = decideCancellation(request, inShopify.get());
            }
            Answer answer = answerFor(request.status());
            if (shows(inShopify.get(), answer)) {
                sent(request, "found");
                return;
            }
            if (!waitsFor(inShopify.get(), answer)) {
                refused(request, "Shopify's request is " + inShopify.get().requestStatus() + " now");
                return;
            }
            @Nullable String refusal = shopify.answer(
                    request.shop(), request.fulfillmentOrderGid(), answer, request.message(), request.reason());
            if (refusal == null) {
                sent(request, "sent");
                return;
            }
            Optional<RequestedFulfillmentOrder> after = shopify.read(request.shop(), request.fulfillmentOrderGid());
            if (after.isPresent() && shows(after.get(), answer)) {
                sent(request, "found");
                return;
            }
            refused(request, refusal);
        } catch (ShopifyUnavailableException e) {
            outcome("unavailable");
            throw new RetryLaterException(e, e.retryAfterHint());
        }
    }

    /** Accepted when nothing of the fulfillment order is fulfilled, rejected otherwise; recorded before it is sent. */
    private FulfillmentRequest decideCancellation(FulfillmentRequest request, RequestedFulfillmentOrder inShopify) {
        boolean shipped = inShopify.fulfilled();
        return transactions.execute(status -> {
            FulfillmentRequest locked = repository.lock(request.id()).orElseThrow();
            if (locked.status() != RequestStatus.CANCELLATION_REQUESTED) {
                return locked;
            }
            FulfillmentRequest decided = locked.answered(
                    shipped
                            ? locked.status().rejectCancellation()
                            : locked.status().acceptCancellation(),
                    null,
                    shipped ? SHIPPED : null,
                    "shipments",
                    clock.instant());
            repository.update(decided);
            return decided;
        });
    }

    /** The request webhook names only the fulfillment order; shipments find the request by its order. */
    private void recordOrder(FulfillmentRequest request, String orderGid) {
        transactions.executeWithoutResult(status -> repository.recordOrder(request.id(), orderGid));
    }

    static Answer answerFor(RequestStatus status) {
        return switch (status) {
            case ACCEPTED -> Answer.ACCEPT_FULFILLMENT;
            case REJECTED -> Answer.REJECT_FULFILLMENT;
            case CANCELLED -> Answer.ACCEPT_CANCELLATION;
            case CANCELLATION_REJECTED -> Answer.REJECT_CANCELLATION;
            case SUBMITTED, CANCELLATION_REQUESTED ->
                throw new IllegalStateException("no answer is due for a request that is " + status);
        };
    }

    /** Shopify's request status once the answer is taken. */
    static boolean shows(RequestedFulfillmentOrder inShopify, Answer answer) {
        String status = inShopify.requestStatus();
        return switch (answer) {
            case ACCEPT_FULFILLMENT ->
                Set.of("ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_ACCEPTED", "CANCELLATION_REJECTED")
                        .contains(status);
            case REJECT_FULFILLMENT -> status.equals("REJECTED");
            case ACCEPT_CANCELLATION -> status.equals("CANCELLATION_ACCEPTED");
            case REJECT_CANCELLATION -> status.equals("CANCELLATION_REJECTED");
        };
    }

    private static boolean waitsFor(RequestedFulfillmentOrder inShopify, Answer answer) {
        return switch (answer) {
            case ACCEPT_FULFILLMENT, REJECT_FULFILLMENT ->
                inShopify.requestStatus().equals("SUBMITTED");
            case ACCEPT_CANCELLATION, REJECT_CANCELLATION ->
                inShopify.requestStatus().equals("CANCELLATION_REQUESTED");
        };
    }

    private void sent(FulfillmentRequest request, String outcome) {
        transactions.executeWithoutResult(status -> repository
                .lock(request.id())
                .filter(r -> r.answer() == AnswerState.PENDING)
                .ifPresent(r -> repository.update(r.answerSent(clock.instant()))));
        outcome(outcome);
    }

    private void refused(FulfillmentRequest request, String why) {
        log.warn(
                "Answer to the request for {} in {} not taken by Shopify: {}",
                request.fulfillmentOrderGid(),
                request.shop(),
                why);
        transactions.executeWithoutResult(status -> repository
                .lock(request.id())
                .filter(r -> r.answer() == AnswerState.PENDING)
                .ifPresent(r -> repository.update(r.answerRefused(why, clock.instant()))));
        outcome("refused");
    }

    private void outcome(String outcome) {
        meters.counter("orderbridge.fulfillment_service.answers", "outcome", outcome)
                .increment();
    }
}
