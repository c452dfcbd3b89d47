package org.orderbridge.shipment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.orderbridge.fulfillmentservice.FulfillmentRequests;
import org.orderbridge.order.LineItem;
import org.orderbridge.order.Order;
import org.orderbridge.order.OrderId;
import org.orderbridge.order.OrderStatus;
import org.orderbridge.order.Orders;
import org.orderbridge.push.PushRequests;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipment feature's public service: shipments accepted from the warehouse, their tracking and cancellation, and
 * what Shopify's fulfillments webhooks say about them. Every change that Shopify must hear of commits together with its
 * push request (the push queue's outbox).
 */
@Service
public class Shipments {

    static final String PUSH_KIND = "shipment";

    /** The push kind that reads what is left of an order again; its subject is the order. */
    static final String LEFT_TO_SHIP_KIND = "order-left-to-ship";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final ShipmentRepository repository;
    private final Orders orders;
    private final PushRequests pushRequests;
    private final OrderFulfillments fulfillments;
    private final OrderLinesLeft linesLeft;
    private final ShipmentProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final FulfillmentRequests fulfillmentRequests;

    Shipments(
            ShipmentRepository repository,
            Orders orders,
            PushRequests pushRequests,
            OrderFulfillments fulfillments,
            OrderLinesLeft linesLeft,
            ShipmentProperties properties,
            JdbcClient jdbc,
            Clock clock,
            FulfillmentRequests fulfillmentRequests) {
        this.fulfillmentRequests = fulfillmentRequests;
        this.linesLeft = linesLeft;
        this.properties = properties;
        this.repository = repository;
        this.orders = orders;
        this.pushRequests = pushRequests;
        this.fulfillments = fulfillments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Intake(Shipment shipment, boolean created) {}

    /**
     * A fulfillment service ships only what the merchant requested of it and it accepted: Shopify refuses a fulfillment
     * on a fulfillment order whose request was not accepted, so such a shipment is refused here, saying why.
     */
    private void requireAcceptedRequest(Order order) {
        if (!fulfillmentRequests.serviceMode(order.shopDomain())) {
            return;
        }
        String gid = order.shopifyGid();
        if (gid == null || !fulfillmentRequests.acceptedFor(order.shopDomain(), gid)) {
            throw new ShipmentExceptions.OrderNotShippable("Order " + order.id()
                    + " has no accepted fulfillment request:"
                    + " " + order.shopDomain() + " runs OrderBridge as its fulfillment service, which ships only what"
                    + " the merchant requested and was accepted (GET /api/v1/fulfillment-requests)");
        }
    }

    /**
     * Accepts a shipment. Shipments of one order are accepted one at a time (a transaction-scoped advisory lock on the
     * order), so two of them cannot both take what is left of a line. An order that is not in Shopify yet is accepted,
     * and the shipment waits for it.
     */
    @Transactional
    Intake accept(OrderId orderId, CreateShipmentRequest request) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended(?, 7))) locked")
                .param("shipment:" + orderId)
                .query(Integer.class)
                .single();
        Order order =
                orders.find(orderId).orElseThrow(() -> new ShipmentExceptions.ShipmentNotFound("No order " + orderId));
        String hash = hash(request);
        Optional<Shipment> existing = repository.findByOrderIdAndShipmentId(orderId.value(), request.shipmentId());
        if (existing.isPresent()) {
            if (!existing.get().contentHash().equals(hash)) {
                throw new ShipmentExceptions.ShipmentIdConflict(request.shipmentId());
            }
            return new Intake(existing.get(), false);
        }
        if (order.status() == OrderStatus.CANCELLED
                || order.status() == OrderStatus.DELETED
                || order.cancelledAt() != null) {
            throw new ShipmentExceptions.OrderNotShippable("Order " + orderId + " is cancelled"
                    + (order.status() == OrderStatus.DELETED ? " (deleted)" : "") + "; nothing of it can be shipped");
        }
        requireAcceptedRequest(order);
        List<Shipment> shipments = repository.findByOrderIdOrderByCreatedAt(orderId.value());
        for (Shipment other : shipments) {
            if (other.isActive() && other.trackingNumbers().stream().anyMatch(request.trackingNumbers()::contains)) {
                // The tracking number is what recognises a shipment's fulfillments in Shopify; two shipments must not
                // share one.
                throw new ShipmentExceptions.ShipmentIdConflict(
                        request.shipmentId() + " (tracking number used by " + other.shipmentId() + ")");
            }
        }
        String location = location(order.shopDomain(), request.location());
        List<ShipmentItem> items =
                resolve(order, request.itemsOrNull(), remaining(order, shipments, linesLeft.of(orderId.value())));
        Shipment shipment = Shipment.accept(
                orderId.value(),
                order.shopDomain(),
                request.shipmentId(),
                hash,
                items,
                request.carrier(),
                request.trackingNumbers(),
                request.trackingUrl(),
                request.notifies(),
                request.itemsOrNull() == null,
                location,
                now());
        repository.saveAndFlush(shipment);
        pushRequests.request(PUSH_KIND, shipment.id());
        return new Intake(shipment, true);
    }

    @Transactional(readOnly = true)
    List<ShipmentView> list(OrderId orderId) {
        return repository.findByOrderIdOrderByCreatedAt(orderId.value()).stream()
                .map(ShipmentView::of)
                .toList();
    }

    /**
     * Shipments that Shopify cannot fulfil as asked, and those waiting HELD on Shopify's holds or schedules (which a
     * person may release), oldest change first.
     */
    @Transactional(readOnly = true)
    public List<FailedShipment> failed(int limit) {
        return repository.findNeedingAttention(Limit.of(limit)).stream()
                .map(s -> new FailedShipment(
                        new OrderId(s.orderId()),
                        s.shopDomain(),
                        s.shipmentId(),
                        s.status() == ShipmentStatus.HELD ? "HELD: " + s.holdReason() : s.failureReason(),
                        s.lastError(),
                        s.updatedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    ShipmentView get(OrderId orderId, String shipmentId) {
        return repository
                .findByOrderIdAndShipmentId(orderId.value(), shipmentId)
                .map(ShipmentView::of)
                .orElseThrow(() ->
                        new ShipmentExceptions.ShipmentNotFound("Order " + orderId + " has no shipment " + shipmentId));
    }

    @Transactional
    ShipmentView changeTracking(OrderId orderId, String shipmentId, TrackingRequest request) {
        Shipment shipment = load(orderId, shipmentId);
        if (shipment.changeTracking(
                request.carrier(), request.trackingNumbers(), request.trackingUrl(), request.notifies(), now())) {
            pushRequests.request(PUSH_KIND, shipment.id());
        }
        return ShipmentView.of(shipment);
    }

    @Transactional
    ShipmentView cancel(OrderId orderId, String shipmentId) {
        Shipment shipment = load(orderId, shipmentId);
        if (shipment.status() == ShipmentStatus.CANCELLED) {
            return ShipmentView.of(shipment);
        }
        if (shipment.requestCancel(now())) {
            pushRequests.request(PUSH_KIND, shipment.id());
        }
        return ShipmentView.of(shipment);
    }

    /**
     * Records what a fulfillments webhook says about a Shopify fulfillment, in the webhook's transaction: the
     * fulfillment, and its status and delivery status on the shipment it belongs to (by Shopify id, else by tracking
     * number). One that matches no shipment was made outside OrderBridge, by hand in the Shopify admin or by another
     * app, and is recorded as such.
     *
     * @return false when a newer version of the fulfillment is recorded already, and nothing changed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean applyShopifyFulfillment(ShopifyFulfillmentSnapshot fulfillment) {
        if (!fulfillments.upsert(fulfillment)) {
            return false;
        }
        if ("cancelled".equalsIgnoreCase(fulfillment.status())) {
            orders.findIdByShopifyOrderId(fulfillment.shopDomain(), fulfillment.shopifyOrderId())
                    .ifPresent(orderId -> linesLeft.forget(orderId.value()));
        }
        boolean ours = linkToShipment(fulfillment);
        fulfillments.markOrigin(fulfillment.shopDomain(), fulfillment.id(), ours ? "orderbridge" : "outside");
        return true;
    }

    /**
     * Shopify released a hold or a scheduled fulfillment order became due (its fulfillment_orders webhooks): every
     * HELD shipment of the shop is pushed again, in the webhook's transaction, and ships if its items are open now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recheckHeld(String shopDomain) {
        repository.findHeldOfShop(shopDomain).forEach(id -> pushRequests.request(PUSH_KIND, id));
    }

    /**
     * Shopify changed what is left of the order outside our shipments (orders/edited, refunds/create): its figures are
     * marked stale and read again through the push queue, in the webhook's transaction. An order with no figures yet
     * has nothing to refresh; its first shipment reads them.
     *
     * @return whether the order is ours and has figures to refresh
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean leftToShipChanged(String shopDomain, long shopifyOrderId) {
        Optional<OrderId> orderId = orders.findIdByShopifyOrderId(shopDomain, shopifyOrderId);
        if (orderId.isEmpty() || !linesLeft.markStale(orderId.get().value(), clock.instant())) {
            return false;
        }
        pushRequests.request(LEFT_TO_SHIP_KIND, orderId.get().value());
        return true;
    }

    /**
     * Shopify changed these fulfillment orders (fulfillment_orders/cancelled, moved, split, merged): the orders whose
     * lines lay in them at the last read are marked stale and read again, as {@link #leftToShipChanged}.
     *
     * @return how many orders are read again
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int fulfillmentOrdersChanged(Collection<String> fulfillmentOrderGids) {
        List<UUID> stale = linesLeft.markStaleHolding(fulfillmentOrderGids, clock.instant());
        stale.forEach(orderId -> pushRequests.request(LEFT_TO_SHIP_KIND, orderId));
        return stale.size();
    }

    /** @return whether a shipment of ours was found */
    private boolean linkToShipment(ShopifyFulfillmentSnapshot fulfillment) {
        String shopDomain = fulfillment.shopDomain();
        Optional<OrderId> orderId = orders.findIdByShopifyOrderId(shopDomain, fulfillment.shopifyOrderId());
        if (orderId.isEmpty()) {
            return false;
        }
        long fulfillmentId = fulfillment.id();
        List<Shipment> candidates = repository.findForUpdateByShopDomainAndOrderId(
                shopDomain, orderId.get().value());
        Optional<Shipment> byId = candidates.stream()
                .filter(s -> s.fulfillments().stream().anyMatch(f -> f.id() == fulfillmentId))
                .findFirst();
        Optional<Shipment> match = byId.or(() -> candidates.stream()
                .filter(s -> s.status() != ShipmentStatus.CANCELLED)
                .filter(s -> s.trackingNumbers().stream().anyMatch(fulfillment.trackingNumbers()::contains))
                .findFirst());
        Long locationId = fulfillment.locationId();
        match.ifPresent(s -> s.recordShopifyFulfillment(
                new ShopifyFulfillmentRef(
                        "gid://shopify/Fulfillment/" + fulfillmentId,
                        fulfillmentId,
                        locationId == null ? null : "gid://shopify/Location/" + locationId,
                        fulfillment.status(),
                        fulfillment.shipmentStatus()),
                now()));
        return match.isPresent();
    }

    private Shipment load(OrderId orderId, String shipmentId) {
        return repository
                .findForUpdate(orderId.value(), shipmentId)
                .orElseThrow(() ->
                        new ShipmentExceptions.ShipmentNotFound("Order " + orderId + " has no shipment " + shipmentId));
    }

    /**
     * Per line (by position), what is not yet taken by a shipment. Once Shopify's fulfillment orders have been read, it
     * is what Shopify said was left (hand-made fulfillments, refunds and edits included) less the shipments still to be
     * created; before, the order's quantities less every active shipment.
     */
    private static int[] remaining(Order order, List<Shipment> shipments, List<OrderLinesLeft.Line> shopifyLeft) {
        List<LineItem> lines = order.lineItems();
        int[] remaining = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            remaining[i] = shopifyLeft.isEmpty() ? lines.get(i).quantity() : 0;
        }
        for (OrderLinesLeft.Line line : shopifyLeft) {
            if (line.lineItem() >= 1 && line.lineItem() <= remaining.length) {
                remaining[line.lineItem() - 1] = line.quantity();
            }
        }
        for (Shipment s : shipments) {
            if (shopifyLeft.isEmpty() ? s.isActive() : s.awaitsCreate()) {
                for (ShipmentItem item : s.items()) {
                    if (item.lineItem() >= 1 && item.lineItem() <= remaining.length) {
                        remaining[item.lineItem() - 1] -= item.quantity();
                    }
                }
            }
        }
        return remaining;
    }

    /** Items by SKU or line, onto the order's lines; omitted items mean everything left. */
    private static List<ShipmentItem> resolve(
            Order order, @Nullable List<CreateShipmentRequest.ItemRequest> requested, int[] remaining) {
        List<LineItem> lines = order.lineItems();
        var quantities = new LinkedHashMap<Integer, Integer>();
        var unknown = new ArrayList<String>();
        var excess = new ArrayList<ShipmentExceptions.Excess>();
        if (requested == null) {
            for (int i = 0; i < lines.size(); i++) {
                if (remaining[i] > 0) {
                    quantities.put(i, remaining[i]);
                }
            }
            if (quantities.isEmpty()) {
                excess.add(new ShipmentExceptions.Excess("everything", 0, 0));
            }
        } else {
            int[] left = remaining.clone();
            for (var item : requested) {
                if (item.lineItem() != null) {
                    int index = item.lineItem() - 1;
                    if (index >= lines.size()) {
                        unknown.add("line item " + item.lineItem());
                        continue;
                    }
                    if (item.quantity() > left[index]) {
                        excess.add(new ShipmentExceptions.Excess(
                                "line item " + item.lineItem(), item.quantity(), Math.max(0, left[index])));
                        continue;
                    }
                    left[index] -= item.quantity();
                    quantities.merge(index, item.quantity(), Integer::sum);
                    continue;
                }
                var indexes = new ArrayList<Integer>();
                for (int i = 0; i < lines.size(); i++) {
                    if (Objects.equals(lines.get(i).sku(), item.sku())) {
                        indexes.add(i);
                    }
                }
                if (indexes.isEmpty()) {
                    unknown.add("SKU " + item.sku());
                    continue;
                }
                int available =
                        indexes.stream().mapToInt(i -> Math.max(0, left[i])).sum();
                if (item.quantity() > available) {
                    excess.add(new ShipmentExceptions.Excess("SKU " + item.sku(), item.quantity(), available));
                    continue;
                }
                // Several lines may carry one SKU; it is taken from them in order.
                int need = item.quantity();
                for (int i : indexes) {
                    int take = Math.min(need, Math.max(0, left[i]));
                    if (take > 0) {
                        left[i] -= take;
                        need -= take;
                        quantities.merge(i, take, Integer::sum);
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new ShipmentExceptions.UnknownItems(unknown);
        }
        if (!excess.isEmpty()) {
            throw new ShipmentExceptions.OverFulfilment(excess);
        }
        var items = new ArrayList<ShipmentItem>();
        quantities.forEach((index, quantity) -> {
            LineItem line = lines.get(index);
            items.add(new ShipmentItem(index + 1, line.sku(), line.shopifyLineItemId(), quantity));
        });
        return items;
    }

    /**
     * A Shopify location gid as given, or the one configured for the shop's warehouse code.
     *
     * @throws ShipmentExceptions.UnknownLocation naming the code and where to configure it
     */
    private @Nullable String location(String shop, @Nullable String location) {
        if (location == null || location.matches("gid://shopify/Location/\\d+")) {
            return location;
        }
        return properties
                .location(shop, location)
                .orElseThrow(() -> new ShipmentExceptions.UnknownLocation(shop, location));
    }

    /** SHA-256 of the request with sorted keys: how a retry is told apart from another shipment under the same id. */
    private static String hash(CreateShipmentRequest request) {
        var canonical = new HashMap<String, Object>();
        canonical.put("shipmentId", request.shipmentId());
        canonical.put(
                "items",
                request.itemsOrNull() == null
                        ? null
                        : request.itemsOrNull().stream()
                                .map(i -> Arrays.asList(i.sku(), i.lineItem(), i.quantity()))
                                .toList());
        canonical.put("carrier", request.carrier());
        canonical.put("trackingNumbers", request.trackingNumbers());
        canonical.put("trackingUrl", request.trackingUrl());
        canonical.put("notifyCustomer", request.notifies());
        if (request.location() != null) {
            // Only when given: a request from before locations existed keeps its hash, so its retry is recognised.
            canonical.put("location", request.location());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException("cannot hash a shipment request", e);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
