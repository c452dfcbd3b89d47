package org.orderbridge.fulfillmentservice;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.orderbridge.push.PushRequests;
import org.orderbridge.shopify.FulfillmentServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's fulfillment and cancellation requests to the app's fulfillment service, and our answers: each answer is
 * taken once (the row is locked, and a repeated answer changes nothing) and queued in the same transaction as a push of
 * kind {@value FulfillmentAnswerHandler#KIND}, which sends it to Shopify exactly once.
 */
@Service
public class FulfillmentRequests {

    static final String RULE = "rule";

    private static final Logger log = LoggerFactory.getLogger(FulfillmentRequests.class);

    private final FulfillmentRequestRepository repository;
    private final FulfillmentServiceProperties properties;
    private final PushRequests pushes;
    private final MeterRegistry meters;
    private final Clock clock;

    FulfillmentRequests(
            FulfillmentRequestRepository repository,
            FulfillmentServiceProperties properties,
            PushRequests pushes,
            MeterRegistry meters,
            Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.pushes = pushes;
        this.meters = meters;
        this.clock = clock;
    }

    /** Whether the shop runs as a fulfillment service (its shipments need an accepted request). */
    public boolean serviceMode(String shopDomain) {
        return properties.serviceMode(shopDomain).isPresent();
    }

    /**
     * The merchant requested fulfillment (webhook or catch-up read). A request seen before is left as it is, except a
     * rejected one, which the merchant may submit again. Under the shop's {@code AUTO} rule it is accepted at once.
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean fulfillmentRequested(
            String shopDomain, String fulfillmentOrderGid, @Nullable String orderGid, @Nullable String message) {
        String shop = shopDomain.toLowerCase(Locale.ROOT);
        if (!serviceMode(shop)) {
            log.warn(
                    "Fulfillment request for {} in {}, which is not in fulfillment-service mode: ignored",
                    fulfillmentOrderGid,
                    shop);
            return false;
        }
        Instant now = clock.instant();
        var fresh = new FulfillmentRequest(
                UUID.randomUUID(),
                shop,
                fulfillmentOrderGid,
                orderGid,
                RequestStatus.SUBMITTED,
                AnswerState.NONE,
                message,
                null,
                null,
                null,
                null,
                now,
                now);
        FulfillmentRequest request;
        if (repository.insertIfAbsent(fresh)) {
            request = fresh;
            count("submitted");
        } else {
            FulfillmentRequest existing =
                    repository.lock(shop, fulfillmentOrderGid).orElseThrow();
            if (existing.status() != RequestStatus.REJECTED || existing.answer() == AnswerState.PENDING) {
                return false;
            }
            request = existing.moved(existing.status().resubmit(), AnswerState.NONE, now);
            repository.update(request);
            count("submitted");
        }
        if (properties.serviceMode(shop).orElseThrow().accept() == FulfillmentServiceProperties.AcceptRule.AUTO) {
            answer(request, RequestStatus.ACCEPTED, null, null, RULE);
        }
        return true;
    }

    /**
     * The merchant asks to cancel an accepted request: whether we can is decided when the answer is sent, from what
     * Shopify says is fulfilled of the fulfillment order.
     *
     * @return whether a request of ours was waiting for it
     */
    @Transactional
    public boolean cancellationRequested(String shopDomain, String fulfillmentOrderGid) {
        String shop = shopDomain.toLowerCase(Locale.ROOT);
        var found = repository.lock(shop, fulfillmentOrderGid);
        if (found.isEmpty()) {
            log.warn(
                    "Cancellation request for {} in {}, whose fulfillment request we never saw",
                    fulfillmentOrderGid,
                    shop);
            return false;
        }
        FulfillmentRequest request = found.get();
        if (request.status() == RequestStatus.CANCELLATION_REQUESTED) {
            return false;
        }
        if (!request.status().accepted()) {
            log.warn(
                    "Cancellation request for {} in {}, which is {}: ignored",
                    fulfillmentOrderGid,
                    shop,
                    request.status());
            return false;
        }
        repository.update(
                request.moved(request.status().cancellationRequested(), AnswerState.PENDING, clock.instant()));
        pushes.request(FulfillmentAnswerHandler.KIND, request.id());
        count("cancellation_requested");
        return true;
    }

    /** An operator's accept; repeating it is harmless, after a rejection it is refused. */
    @Transactional
    public FulfillmentRequest accept(UUID id, @Nullable String message, String by) {
        FulfillmentRequest request = repository.lock(id).orElseThrow(() -> new RequestNotFoundException(id));
        if (request.status().accepted()) {
            return request;
        }
        return answer(request, RequestStatus.ACCEPTED, null, message, by);
    }

    /** An operator's reject; repeating it is harmless, after an accept it is refused. */
    @Transactional
    public FulfillmentRequest reject(UUID id, RejectionReason reason, @Nullable String message, String by) {
        FulfillmentRequest request = repository.lock(id).orElseThrow(() -> new RequestNotFoundException(id));
        if (request.status() == RequestStatus.REJECTED && request.answer() != AnswerState.NONE) {
            return request;
        }
        return answer(request, RequestStatus.REJECTED, reason.name(), message, by);
    }

    public FulfillmentRequest find(UUID id) {
        return repository.find(id).orElseThrow(() -> new RequestNotFoundException(id));
    }

    public List<FulfillmentRequest> list(@Nullable String shop, @Nullable RequestStatus status, int limit) {
        return repository.list(shop == null ? null : shop.toLowerCase(Locale.ROOT), status, limit);
    }

    /** Whether the service accepted a request for a fulfillment order of this order. */
    public boolean acceptedFor(String shopDomain, String orderGid) {
        return repository.ofOrder(shopDomain.toLowerCase(Locale.ROOT), orderGid).stream()
                .anyMatch(r -> r.status().accepted());
    }

    private FulfillmentRequest answer(
            FulfillmentRequest request,
            RequestStatus to,
            @Nullable String reason,
            @Nullable String message,
            String by) {
        RequestStatus next = to == RequestStatus.ACCEPTED
                ? request.status().accept()
                : request.status().reject();
        FulfillmentRequest answered = request.answered(next, reason, message, by, clock.instant());
        repository.update(answered);
        pushes.request(FulfillmentAnswerHandler.KIND, request.id());
        count(Objects.requireNonNull(next).name().toLowerCase(Locale.ROOT));
        return answered;
    }

    private void count(String event) {
        meters.counter("orderbridge.fulfillment_service.requests", "event", event)
                .increment();
    }
}
