package org.orderbridge.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.orderbridge.push.PushRequests;
import org.orderbridge.shop.ErasedShops;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order feature's public service: reads, orders accepted from our API and their way into Shopify, and
 * the changes that Shopify tells us about.
 */
@Service
public class Orders {

    private final OrderRepository repository;
    private final PushLeases leases;
    private final PushRequests pushRequests;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final ErasedShops erasedShops;

    Orders(
            OrderRepository repository,
            PushLeases leases,
            PushRequests pushRequests,
            Clock clock,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            ErasedShops erasedShops) {
        this.erasedShops = erasedShops;
        this.repository = repository;
        this.leases = leases;
        this.pushRequests = pushRequests;
        this.clock = clock;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
    }

    /**
     * Accepts an order from our API. The order and its push request (in the push outbox) commit together. The same
     * external id with the same content is a client's retry and answers with the order already accepted.
     *
     * @throws ExternalIdConflictException when the external id is taken by an order with different content
     */
    Intake accept(CreateOrderRequest request) {
        String hash = ContentHash.of(request);
        try {
            // One transaction for the retry check and the insert: a second one costs the intake more than the check.
            return transactions.execute(status -> findRetry(request, hash).orElseGet(() -> insert(request, hash)));
        } catch (DataIntegrityViolationException race) {
            // A concurrent request with the same external id committed first; the unique index decided, and
            // this request is answered as that one's retry.
            return reads.execute(status -> findRetry(request, hash)).orElseThrow(() -> race);
        }
    }

    private Optional<Intake> findRetry(CreateOrderRequest request, String hash) {
        return repository
                .findByShopDomainAndExternalId(request.shop(), request.externalId())
                .map(existing -> {
                    if (!hash.equals(existing.contentHash())) {
                        throw new ExternalIdConflictException(request.shop(), request.externalId(), existing.id());
                    }
                    return new Intake(existing, false);
                });
    }

    private Intake insert(CreateOrderRequest request, String hash) {
        var customer = request.customer();
        var lines = request.lineItems().stream()
                .map(l -> new LineItem(
                        null,
                        l.sku(),
                        l.variantId(),
                        l.title(),
                        l.quantity(),
                        new java.math.BigDecimal(l.unitPrice()),
                        l.requiresShipping(),
                        l.taxable()))
                .toList();
        Order order = Order.accept(
                OrderId.newId(),
                request.shop(),
                request.externalId(),
                new Customer(customer.email(), customer.firstName(), customer.lastName(), customer.phone()),
                request.shippingAddress().toAddress(),
                request.billingAddress() == null
                        ? null
                        : request.billingAddress().toAddress(),
                lines,
                request.currency(),
                request.note(),
                request.tags(),
                request.commercialTerms(),
                request.processedAt(),
                hash,
                now());
        repository.saveAndFlush(order);
        pushRequests.request(OrderPushHandler.KIND, order.id().value());
        return new Intake(order, true);
    }

    /** An operator's re-push of a parked order, or of a pending one whose message went to the dead-letter queue. */
    @Transactional
    public Order requestRepush(OrderId id) {
        Order order = load(id);
        order.requestRepush(now());
        pushRequests.request(OrderPushHandler.KIND, order.id().value());
        return order;
    }

    /**
     * Cancels an order: one that has not reached Shopify is withdrawn (and the copy a push under way may have made
     * there is cancelled too); one that is in Shopify is cancelled there through the push queue, as the request asks.
     *
     * @throws IncompleteCancelRequestException when an order in Shopify is to be cancelled without reason or restock
     */
    @Transactional
    Cancellation cancel(OrderId id, @Nullable CancelOrderRequest request) {
        Order order = load(id);
        boolean inShopify = order.status() == OrderStatus.PUSHED || order.status() == OrderStatus.SYNCED;
        if (inShopify) {
            CancelRequest asked = (request == null ? new CancelOrderRequest(null, null, null, null, null) : request)
                    .forOrderInShopify(id);
            boolean push = order.requestCancel(asked, now());
            if (push) {
                pushRequests.request(OrderCancelHandler.KIND, id.value());
            }
        } else {
            withdraw(order, request == null ? null : request.forWithdrawnOrder());
        }
        return new Cancellation(order, inShopify);
    }

    /** Withdraws an order that has not reached Shopify (the ops console's cancel); refuses one that has. */
    @Transactional
    public Order withdraw(OrderId id) {
        Order order = load(id);
        withdraw(order, null);
        return order;
    }

    /** Runs under the order's row lock, taken by {@link #load}. */
    private void withdraw(Order order, @Nullable CancelRequest request) {
        // Under the row lock: a create that has not recorded its attempt yet never will for a withdrawn order.
        boolean createAttempted =
                (order.isPushable() || order.status() == OrderStatus.PUSH_FAILED) && leases.createAttempted(order.id());
        if (order.withdraw(request, createAttempted, now())) {
            pushRequests.request(OrderCancelHandler.KIND, order.id().value());
        }
    }

    /** The order after a cancel, and whether its cancellation is Shopify's to do (asynchronously). */
    record Cancellation(Order order, boolean inShopify) {}

    Optional<CancelLease> leaseCancel(OrderId id, String owner, Duration duration) {
        return leases.acquireForCancel(id, owner, duration);
    }

    boolean recordCancelAttempt(PushLease lease) {
        return leases.recordCancelAttempt(lease);
    }

    @Transactional
    void cancelSent(OrderId id, String jobId) {
        load(id).cancelSent(jobId, now());
    }

    @Transactional
    void cancelConfirmed(OrderId id, @Nullable Instant cancelledInShopify, @Nullable String shopifyReason) {
        load(id).cancelConfirmed(cancelledInShopify, shopifyReason, now());
    }

    @Transactional
    void cancelRefused(OrderId id, String reason) {
        load(id).cancelRefused(reason, now());
    }

    /**
     * @param shopifyTotals Shopify's totals of the order, compared with what the order adds up to; null when Shopify's
     *     answer had none
     * @return whether Shopify's totals differ (the difference is recorded on the order)
     */
    @Transactional
    boolean markPushed(
            OrderId id,
            String shopifyGid,
            long shopifyLegacyId,
            String shopifyName,
            @Nullable OrderTotals shopifyTotals) {
        Order order = load(id);
        order.markPushed(shopifyGid, shopifyLegacyId, shopifyName, now());
        return shopifyTotals != null && order.compareShopifyTotals(shopifyTotals, now());
    }

    /** A person has looked at how the order's totals in Shopify differ from ours; it leaves the attention list. */
    @Transactional
    public Order markTotalsMismatchSeen(OrderId id) {
        Order order = load(id);
        order.markTotalsMismatchSeen(now());
        return order;
    }

    @Transactional
    void markPushFailed(OrderId id, String reason) {
        load(id).markPushFailed(reason, now());
    }

    @Transactional
    void recordPushError(OrderId id, String reason) {
        load(id).recordPushError(reason, now());
    }

    /**
     * Takes the order's push lease: only its holder may talk to Shopify about the order. Runs in a transaction of its
     * own, so that the lease is visible to every other worker at once.
     *
     * @return empty when the order is not pending (any more) or another worker holds an unexpired lease
     */
    Optional<PushLease> leasePush(OrderId id, String owner, Duration duration) {
        return leases.acquire(id, owner, duration);
    }

    /**
     * Records, before an orderCreate request leaves, that the order may from now on exist in Shopify, so that every
     * later attempt looks it up first. Doubles as a fence: refused when the lease has expired or changed hands, or the
     * order was settled meanwhile.
     *
     * @return false when the create must not be sent
     */
    boolean recordCreateAttempt(PushLease lease) {
        return leases.recordCreateAttempt(lease);
    }

    /** Ends a push: the next worker need not wait for the lease to expire. */
    void releasePushLease(PushLease lease) {
        leases.release(lease);
    }

    /** How long another worker's lease on the order still runs (zero when none). */
    Duration pushLeaseRemaining(OrderId id) {
        return leases.remaining(id);
    }

    private Order load(OrderId id) {
        return repository.findForUpdate(id.value()).orElseThrow(() -> new OrderNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public Optional<Order> find(OrderId id) {
        return repository.findById(id.value());
    }

    /** The order that Shopify knows by this id in the shop, if we hold it. */
    @Transactional(readOnly = true)
    public Optional<OrderId> findIdByShopifyOrderId(String shop, long shopifyOrderId) {
        return repository.findIdByShopifyOrderId(shop, shopifyOrderId).map(OrderId::new);
    }

    @Transactional(readOnly = true)
    public OrderPage list(OrderFilter filter, @Nullable OrderCursor after, int limit) {
        List<Order> orders = repository.search(filter, after, limit + 1);
        boolean more = orders.size() > limit;
        List<Order> page = more ? orders.subList(0, limit) : orders;
        return new OrderPage(List.copyOf(page), more ? OrderCursor.after(page.getLast()) : null);
    }

    /**
     * Orders that need a person, oldest first: those Shopify refused, those still waiting for their push after
     * {@code pendingFor} (a message that went to the dead-letter queue leaves its order there), those whose
     * cancellation in Shopify it refused, those whose cancellation is still under way after {@code pendingFor}, and
     * those whose totals in Shopify differ from ours until that is marked seen.
     */
    @Transactional(readOnly = true)
    public List<Order> needingAttention(Duration pendingFor, int limit) {
        return repository.findNeedingAttention(now().minus(pendingFor), Limit.of(limit));
    }

    /**
     * Records what a Shopify webhook says about an order. Runs inside the caller's transaction so that the
     * webhook's delivery record and its effect commit together. An erased shop's snapshot (a backfill or pass that
     * was reading when the shop was erased) is dropped as stale: storing it would undo the erasure.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SyncResult applyShopifySnapshot(ShopifyOrderSnapshot snapshot) {
        // Shopify's updated_at: an order read back or replayed from before the erasure stays erased after a reinstall.
        if (erasedShops.drops(snapshot.shopDomain(), "order-snapshot", snapshot.updatedAt())) {
            return SyncResult.STALE;
        }
        Instant now = now();
        // One statement for the order in this shop and the same Shopify id in another shop, which is refused.
        List<Order> sameId = repository.findAllForUpdate(snapshot.shopifyOrderId());
        Optional<Order> known = sameId.stream()
                .filter(order -> order.shopDomain().equals(snapshot.shopDomain()))
                .findFirst();
        if (known.isPresent()) {
            return known.get().applyShopify(snapshot, now) ? SyncResult.UPDATED : SyncResult.STALE;
        }
        if (!sameId.isEmpty()) {
            throw new ForeignShopOrderException(snapshot.shopifyOrderId(), snapshot.shopDomain());
        }
        Optional<Order> ours = pushedByUs(snapshot);
        if (ours.isPresent()) {
            return ours.get().applyShopify(snapshot, now) ? SyncResult.LINKED : SyncResult.STALE;
        }
        // Inserted by the commit's flush: flushing here would only check the persistence context twice.
        repository.save(Order.fromShopify(snapshot, now));
        return SyncResult.CREATED;
    }

    /** Shopify echoes our order id as source identifier, so its webhook finds the order we pushed. */
    private Optional<Order> pushedByUs(ShopifyOrderSnapshot snapshot) {
        if (snapshot.sourceIdentifier() == null) {
            return Optional.empty();
        }
        try {
            OrderId id = OrderId.parse(snapshot.sourceIdentifier());
            return repository
                    .findForUpdate(id.value())
                    .filter(order -> order.source() == OrderSource.API)
                    .filter(order -> order.shopDomain().equals(snapshot.shopDomain()));
        } catch (InvalidOrderIdException notOurs) {
            return Optional.empty();
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markDeletedInShopify(String shop, long shopifyOrderId) {
        Optional<Order> order = repository.findForUpdate(shop, shopifyOrderId);
        order.ifPresent(o -> o.markDeletedInShopify(now()));
        return order.isPresent();
    }

    /** Erases a customer's personal data from the shop's orders (Shopify's customers/redact). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int redactCustomer(String shop, @Nullable Long shopifyCustomerId, List<Long> shopifyOrderIds) {
        List<Order> orders = repository.findCustomerOrders(
                shop, shopifyCustomerId, shopifyOrderIds.isEmpty() ? List.of(-1L) : shopifyOrderIds);
        Instant now = now();
        orders.forEach(order -> order.redactCustomer(now));
        return orders.size();
    }

    /** Whether any order of the shop is stored. */
    public boolean holdsOrdersOf(String shop) {
        return repository.existsByShopDomain(shop);
    }

    /**
     * Erases everything we hold for a shop's orders (Shopify's shop/redact, 48 hours after uninstall): the orders,
     * their pending push requests, and through {@link OrdersErased} what other features keep of the shop's orders.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int redactShop(String shop) {
        List<UUID> ids = repository.findIdsByShopDomain(shop);
        events.publishEvent(
                new OrdersErased(shop, ids.stream().map(OrderId::new).toList()));
        pushRequests.withdraw(OrderPushHandler.KIND, ids);
        return repository.deleteByShop(shop);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** An accepted order, and whether this request created it or repeated an earlier one. */
    record Intake(Order order, boolean created) {}

    public enum SyncResult {
        CREATED,
        UPDATED,
        LINKED,
        STALE
    }
}
