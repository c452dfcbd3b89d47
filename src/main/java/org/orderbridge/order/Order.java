package org.orderbridge.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * The order aggregate. Its state only moves through the methods below, each of which refuses a move that
 * makes no sense for the order's source and status.
 */
@Entity
@Table(name = "shop_order")
// A status change (a push recorded, a webhook applied) writes the columns it changed, not every JSON column again.
@DynamicUpdate
public class Order implements Persistable<UUID> {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    private OrderSource source;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private String shopDomain;
    private @Nullable String externalId;
    private @Nullable Long shopifyOrderId;
    private @Nullable String shopifyGid;
    private @Nullable String name;

    // The JSON attributes hold records and unmodifiable lists and are replaced, never changed in place. Immutable to
    // Hibernate, it need not deep-copy them (a JSON write and read each) for its dirty check on every load and insert.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private @Nullable Customer customer;

    private @Nullable Long shopifyCustomerId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private @Nullable Address shippingAddress;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private @Nullable Address billingAddress;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private List<LineItem> lineItems;

    @Column(columnDefinition = "bpchar")
    private String currency;

    private @Nullable BigDecimal totalPrice;
    private @Nullable String financialStatus;
    private @Nullable String fulfillmentStatus;
    private @Nullable Instant cancelledAt;
    private @Nullable String cancelReason;
    private @Nullable String note;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private List<String> tags;

    private @Nullable Instant shopifyUpdatedAt;

    // Null for orders from Shopify and for API orders accepted before the terms existed, which had none.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private @Nullable CommercialTerms commercialTerms;

    private @Nullable Instant processedAt;

    // Set when Shopify's totals of the pushed order differ from what the order adds up to; lists it for a person.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private @Nullable TotalsMismatch totalsMismatch;

    private @Nullable Instant totalsMismatchSeenAt;
    // Set by a GDPR redaction, and from then on the reason why later Shopify snapshots of the order do not bring the
    // person back: Shopify keeps sending the order, with its customer, in updates and in reconciliation.
    private @Nullable Instant customerRedactedAt;
    private @Nullable String contentHash;
    private @Nullable String lastError;

    // A cancellation to be made in Shopify (or found done there), see requestCancel.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private @Nullable CancelRequest cancelRequest;

    @Enumerated(EnumType.STRING)
    private @Nullable CancellationState cancelState;

    private @Nullable Instant cancelRequestedAt;
    private @Nullable String cancelJobId;
    private @Nullable String cancelError;
    private Instant createdAt;
    private Instant updatedAt;

    // Null until the first insert: isNew() tells Spring Data so, and a new order is persisted in one insert instead of
    // merged into a copy.
    @Version
    private @Nullable Long version;

    protected Order() {
        // for JPA
    }

    /** An order from one of our own systems, to be created in Shopify, that costs what its lines cost. */
    public static Order accept(
            OrderId id,
            String shopDomain,
            String externalId,
            Customer customer,
            Address shippingAddress,
            @Nullable Address billingAddress,
            List<LineItem> lineItems,
            String currency,
            @Nullable String note,
            @Nullable List<String> tags,
            String contentHash,
            Instant now) {
        return accept(
                id,
                shopDomain,
                externalId,
                customer,
                shippingAddress,
                billingAddress,
                lineItems,
                currency,
                note,
                tags,
                CommercialTerms.NONE,
                null,
                contentHash,
                now);
    }

    /**
     * An order from one of our own systems, to be created in Shopify, with its discounts, shipping, taxes and payments.
     *
     * @param processedAt when the order was placed, for one imported after the fact; null for now
     */
    public static Order accept(
            OrderId id,
            String shopDomain,
            String externalId,
            Customer customer,
            Address shippingAddress,
            @Nullable Address billingAddress,
            List<LineItem> lineItems,
            String currency,
            @Nullable String note,
            @Nullable List<String> tags,
            CommercialTerms terms,
            @Nullable Instant processedAt,
            String contentHash,
            Instant now) {
        var order = new Order();
        order.id = id.value();
        order.source = OrderSource.API;
        order.status = OrderStatus.PENDING_PUSH;
        order.shopDomain = shopDomain;
        order.externalId = externalId;
        order.customer = customer;
        order.shippingAddress = shippingAddress;
        order.billingAddress = billingAddress;
        order.lineItems = List.copyOf(lineItems);
        order.currency = currency;
        order.commercialTerms = terms.equals(CommercialTerms.NONE) ? null : terms;
        order.processedAt = processedAt;
        order.totalPrice =
                ExpectedTotals.of(order.lineItems, terms, currency).totals().total();
        order.note = note;
        order.tags = tags == null ? List.of() : List.copyOf(tags);
        order.contentHash = contentHash;
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    /** An order that was created in Shopify and that we learn of through a webhook. */
    static Order fromShopify(ShopifyOrderSnapshot snapshot, Instant now) {
        var order = new Order();
        order.id = UUID.randomUUID();
        order.source = OrderSource.SHOPIFY;
        order.status = OrderStatus.SYNCED;
        order.shopDomain = snapshot.shopDomain();
        order.createdAt = now;
        order.copyFrom(snapshot, now);
        return order;
    }

    /**
     * Applies what a webhook says, unless an equally new or newer snapshot was applied already (Shopify
     * delivers out of order).
     *
     * @return whether the snapshot was applied
     */
    boolean applyShopify(ShopifyOrderSnapshot snapshot, Instant now) {
        if (shopifyUpdatedAt != null
                && snapshot.updatedAt() != null
                && !snapshot.updatedAt().isAfter(shopifyUpdatedAt)) {
            return false;
        }
        if (status == OrderStatus.PENDING_PUSH || status == OrderStatus.PUSH_FAILED) {
            // Shopify's webhook overtook our own push response: the order exists there, so it is pushed.
            status = OrderStatus.PUSHED;
            lastError = null;
        }
        copyFrom(snapshot, now);
        if (snapshot.cancelledAt() != null && cancellationUnderWay()) {
            // Shopify says the order is cancelled (its orders/cancelled or a later snapshot): nothing is left to send.
            cancelState = CancellationState.DONE;
            cancelError = null;
        }
        return true;
    }

    private void copyFrom(ShopifyOrderSnapshot snapshot, Instant now) {
        shopifyOrderId = snapshot.shopifyOrderId();
        shopifyGid = snapshot.shopifyGid();
        name = snapshot.name();
        if (customerRedactedAt == null) {
            customer = snapshot.customer();
            shopifyCustomerId = snapshot.shopifyCustomerId();
            shippingAddress = snapshot.shippingAddress();
            billingAddress = snapshot.billingAddress();
            note = snapshot.note();
        }
        lineItems = keepingTheSettingsWeSent(snapshot.lineItems());
        currency = snapshot.currency();
        totalPrice = snapshot.totalPrice();
        financialStatus = snapshot.financialStatus();
        fulfillmentStatus = snapshot.fulfillmentStatus();
        // A withdrawn order whose push was already under way reaches Shopify anyway, uncancelled there: its snapshot
        // must not erase that we withdrew it (when, and why), which is what tells a person to cancel it in Shopify.
        if (status != OrderStatus.CANCELLED) {
            cancelledAt = snapshot.cancelledAt();
            cancelReason = snapshot.cancelReason();
        }
        tags = snapshot.tags();
        shopifyUpdatedAt = snapshot.updatedAt();
        updatedAt = now;
    }

    /**
     * Shopify's lines replace ours, but its snapshots, as they are read, say nothing of a line's shipping and tax: a
     * line that is still the one we sent at its position (Shopify keeps the order of the lines it was created with: same
     * SKU and variant) keeps what we sent for it.
     */
    private List<LineItem> keepingTheSettingsWeSent(List<LineItem> fromShopify) {
        List<LineItem> ours = lineItems;
        if (ours == null || ours.size() != fromShopify.size()) {
            return fromShopify;
        }
        var kept = new ArrayList<LineItem>(fromShopify.size());
        for (int i = 0; i < fromShopify.size(); i++) {
            LineItem theirs = fromShopify.get(i);
            LineItem sent = ours.get(i);
            boolean sameLine =
                    Objects.equals(theirs.sku(), sent.sku()) && Objects.equals(theirs.variantId(), sent.variantId());
            kept.add(
                    sameLine && theirs.requiresShipping() == null && theirs.taxable() == null
                            ? theirs.withSettings(sent.requiresShipping(), sent.taxable())
                            : theirs);
        }
        return List.copyOf(kept);
    }

    /** Shopify created the order we pushed (or already had it under our custom id). */
    public void markPushed(String gid, long legacyId, String shopifyName, Instant now) {
        if (status == OrderStatus.PUSHED && Long.valueOf(legacyId).equals(shopifyOrderId)) {
            return;
        }
        if (status == OrderStatus.CANCELLED && cancelState != null) {
            // Withdrawn while its create was under way: the copy it made in Shopify is the one to cancel there.
            shopifyGid = gid;
            shopifyOrderId = legacyId;
            updatedAt = now;
            return;
        }
        requireStatus("marked as pushed", OrderStatus.PENDING_PUSH, OrderStatus.PUSH_FAILED);
        status = OrderStatus.PUSHED;
        shopifyGid = gid;
        shopifyOrderId = legacyId;
        if (name == null) {
            name = shopifyName;
        }
        lastError = null;
        updatedAt = now;
    }

    /**
     * Compares the totals Shopify reports for the order it created with what the order adds up to, and records a
     * difference for a person to look at; equal totals record nothing.
     *
     * @return whether they differ
     */
    public boolean compareShopifyTotals(OrderTotals shopify, Instant now) {
        OrderTotals expected = expectedTotals();
        if (expected == null || expected.matches(shopify)) {
            return false;
        }
        totalsMismatch = TotalsMismatch.of(expected, shopify, now);
        totalsMismatchSeenAt = null;
        updatedAt = now;
        return true;
    }

    /**
     * A person has looked at the difference between Shopify's totals and ours: the order leaves the attention list,
     * and keeps showing both totals.
     */
    public void markTotalsMismatchSeen(Instant now) {
        if (totalsMismatch == null) {
            throw new IllegalOrderTransitionException(
                    id(),
                    status,
                    "marked as having its totals difference seen: " + "its totals in Shopify do not differ");
        }
        if (totalsMismatchSeenAt == null) {
            totalsMismatchSeenAt = now;
            updatedAt = now;
        }
    }

    /** What an order accepted from our API adds up to; null for an order from Shopify, which it adds up itself. */
    public @Nullable OrderTotals expectedTotals() {
        if (source != OrderSource.API || lineItems.stream().anyMatch(l -> l.unitPrice() == null)) {
            return null;
        }
        return ExpectedTotals.of(lineItems, commercialTerms(), currency).totals();
    }

    /** Shopify refused the order for a reason that retrying cannot fix. */
    public void markPushFailed(String reason, Instant now) {
        requireStatus("marked as failed", OrderStatus.PENDING_PUSH);
        status = OrderStatus.PUSH_FAILED;
        lastError = reason;
        updatedAt = now;
    }

    /** A transient failure: the order stays pending and shows why it has not reached Shopify yet. */
    public void recordPushError(String reason, Instant now) {
        requireStatus("given a push error", OrderStatus.PENDING_PUSH);
        lastError = reason;
        updatedAt = now;
    }

    /** An operator asks for another attempt after fixing what made Shopify refuse the order. */
    public void requestRepush(Instant now) {
        requireStatus("pushed again", OrderStatus.PUSH_FAILED, OrderStatus.PENDING_PUSH);
        status = OrderStatus.PENDING_PUSH;
        updatedAt = now;
    }

    /**
     * Withdraws an order that has not reached Shopify, as far as we know. When its create may have reached Shopify (a
     * push was under way), the copy Shopify may hold is to be cancelled there too: as {@code request} asks, or as
     * {@link CancelRequest#WITHDRAWN} when the caller asked nothing.
     *
     * @return whether a cancellation in Shopify is to be pushed
     */
    public boolean withdraw(@Nullable CancelRequest request, boolean createMayHaveReachedShopify, Instant now) {
        requireStatus("cancelled", OrderStatus.PENDING_PUSH, OrderStatus.PUSH_FAILED);
        status = OrderStatus.CANCELLED;
        cancelledAt = now;
        cancelReason = "withdrawn";
        updatedAt = now;
        if (createMayHaveReachedShopify) {
            startCancellation(request == null ? CancelRequest.WITHDRAWN : request, now);
        }
        return createMayHaveReachedShopify;
    }

    /**
     * Asks for the cancellation of an order that is in Shopify ({@code PUSHED} or {@code SYNCED}), to be sent there with
     * {@code orderCancel}. Asking again for the same is a safe retry; after a refusal, a new request may be made.
     *
     * @return whether a cancellation is to be pushed (false for a retry of one already asked for)
     * @throws IllegalOrderTransitionException when the order is not in Shopify, already cancelled there, or a different
     *     cancellation is under way
     */
    public boolean requestCancel(CancelRequest request, Instant now) {
        requireStatus("cancelled in Shopify", OrderStatus.PUSHED, OrderStatus.SYNCED);
        if (cancellationUnderWay() || cancelState == CancellationState.DONE) {
            if (request.equals(cancelRequest)) {
                return false;
            }
            throw new IllegalOrderTransitionException(
                    id(), status, "cancelled differently: a cancellation (" + cancelState + ") was asked for already");
        }
        if (cancelledAt != null) {
            throw new IllegalOrderTransitionException(id(), status, "cancelled: Shopify holds it as cancelled already");
        }
        startCancellation(request, now);
        return true;
    }

    private void startCancellation(CancelRequest request, Instant now) {
        cancelRequest = request;
        cancelState = CancellationState.REQUESTED;
        cancelRequestedAt = now;
        cancelJobId = null;
        cancelError = null;
        updatedAt = now;
    }

    /** Shopify took the orderCancel; its job cancels the order. */
    public void cancelSent(String jobId, Instant now) {
        requireCancellationUnderWay("marked as sent");
        cancelState = CancellationState.SENT;
        cancelJobId = jobId;
        updatedAt = now;
    }

    /** Shopify holds the order as cancelled, as of {@code cancelledInShopify}, or (null) never held it. */
    public void cancelConfirmed(@Nullable Instant cancelledInShopify, @Nullable String shopifyReason, Instant now) {
        requireCancellationUnderWay("confirmed as cancelled");
        cancelState = CancellationState.DONE;
        cancelError = null;
        if (cancelledInShopify != null && status != OrderStatus.CANCELLED) {
            cancelledAt = cancelledInShopify;
            cancelReason = shopifyReason;
        }
        updatedAt = now;
    }

    /** Shopify refused the cancellation for a reason that repeating it cannot fix. */
    public void cancelRefused(String reason, Instant now) {
        requireCancellationUnderWay("given a cancellation refusal");
        cancelState = CancellationState.REFUSED;
        cancelError = reason;
        updatedAt = now;
    }

    /** Whether a cancellation in Shopify is still to be sent or seen done. */
    public boolean cancellationUnderWay() {
        return cancelState == CancellationState.REQUESTED || cancelState == CancellationState.SENT;
    }

    private void requireCancellationUnderWay(String action) {
        if (!cancellationUnderWay()) {
            throw new IllegalOrderTransitionException(
                    id(), status, action + " (its cancellation is " + cancelState + ")");
        }
    }

    /**
     * Shopify deleted the order (its {@code orders/delete}, confirmed with Shopify). What that means depends on where the
     * order stands here:
     *
     * <ul>
     *   <li>{@code PUSHED}, {@code SYNCED}: Shopify held it, and no longer does: {@code DELETED}.
     *   <li>{@code DELETED}: a repeated deletion; nothing changes.
     *   <li>{@code CANCELLED}: we withdrew it, and a push already under way created it in Shopify anyway; deleting that
     *       copy completes the withdrawal, so the order stays {@code CANCELLED}, as it was withdrawn.
     *   <li>{@code PENDING_PUSH}, {@code PUSH_FAILED}: by our records Shopify never held it (such an order has no Shopify
     *       id to be found by), so a deletion there is refused rather than recorded over an order still to be pushed
     *       or parked for a person.
     * </ul>
     *
     * @throws IllegalOrderTransitionException for an order Shopify never held
     */
    void markDeletedInShopify(Instant now) {
        requireStatus(
                "marked deleted in Shopify",
                OrderStatus.PUSHED,
                OrderStatus.SYNCED,
                OrderStatus.DELETED,
                OrderStatus.CANCELLED);
        if (status == OrderStatus.PUSHED || status == OrderStatus.SYNCED) {
            status = OrderStatus.DELETED;
            updatedAt = now;
        }
    }

    /** GDPR redaction: the order stays for bookkeeping, the person behind it does not. */
    void redactCustomer(Instant now) {
        customer = null;
        shopifyCustomerId = null;
        shippingAddress = null;
        billingAddress = null;
        note = null;
        customerRedactedAt = now;
        updatedAt = now;
    }

    public boolean isPushable() {
        return status == OrderStatus.PENDING_PUSH;
    }

    private void requireStatus(String action, OrderStatus... allowed) {
        for (OrderStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new IllegalOrderTransitionException(id(), status, action);
    }

    public OrderId id() {
        return new OrderId(id);
    }

    public OrderSource source() {
        return source;
    }

    public OrderStatus status() {
        return status;
    }

    public String shopDomain() {
        return shopDomain;
    }

    public @Nullable String externalId() {
        return externalId;
    }

    public @Nullable Long shopifyOrderId() {
        return shopifyOrderId;
    }

    public @Nullable String shopifyGid() {
        return shopifyGid;
    }

    public @Nullable String name() {
        return name;
    }

    public @Nullable Customer customer() {
        return customer;
    }

    public @Nullable Address shippingAddress() {
        return shippingAddress;
    }

    public @Nullable Address billingAddress() {
        return billingAddress;
    }

    public List<LineItem> lineItems() {
        return lineItems;
    }

    public String currency() {
        return currency;
    }

    public @Nullable BigDecimal totalPrice() {
        return totalPrice;
    }

    public @Nullable String financialStatus() {
        return financialStatus;
    }

    public @Nullable String fulfillmentStatus() {
        return fulfillmentStatus;
    }

    public @Nullable Instant cancelledAt() {
        return cancelledAt;
    }

    public @Nullable String cancelReason() {
        return cancelReason;
    }

    public @Nullable String note() {
        return note;
    }

    public List<String> tags() {
        return tags;
    }

    public @Nullable Instant shopifyUpdatedAt() {
        return shopifyUpdatedAt;
    }

    /** The order's discounts, shipping, taxes and payments; {@link CommercialTerms#NONE} when it has none. */
    public CommercialTerms commercialTerms() {
        return commercialTerms == null ? CommercialTerms.NONE : commercialTerms;
    }

    public @Nullable Instant processedAt() {
        return processedAt;
    }

    public @Nullable TotalsMismatch totalsMismatch() {
        return totalsMismatch;
    }

    public @Nullable Instant totalsMismatchSeenAt() {
        return totalsMismatchSeenAt;
    }

    public @Nullable Instant customerRedactedAt() {
        return customerRedactedAt;
    }

    public @Nullable String contentHash() {
        return contentHash;
    }

    public @Nullable String lastError() {
        return lastError;
    }

    public @Nullable CancelRequest cancelRequest() {
        return cancelRequest;
    }

    public @Nullable CancellationState cancelState() {
        return cancelState;
    }

    public @Nullable Instant cancelRequestedAt() {
        return cancelRequestedAt;
    }

    public @Nullable String cancelJobId() {
        return cancelJobId;
    }

    public @Nullable String cancelError() {
        return cancelError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * Spring Data asks this, not the version's accessor: without it, {@code version()} (0 for a new order) made every new
     * order look stored, and {@code save} merged it into a copy.
     */
    @Override
    public boolean isNew() {
        return version == null;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public long version() {
        return version == null ? 0 : version;
    }
}
