package org.orderbridge.ops;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orderbridge.access.AccessScopes;
import org.orderbridge.deadletter.DeadLetters;
import org.orderbridge.order.IllegalOrderTransitionException;
import org.orderbridge.order.InvalidOrderIdException;
import org.orderbridge.order.Order;
import org.orderbridge.order.OrderId;
import org.orderbridge.order.OrderNotFoundException;
import org.orderbridge.order.Orders;
import org.orderbridge.shipment.FailedShipment;
import org.orderbridge.shipment.Shipments;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The ops console. Its three pages are one public shell each, holding no data; the shell's script loads the page's
 * part with the operator's key in the {@code X-API-Key} header, and every part and action needs the admin role. Not
 * part of the API, so not in its OpenAPI document.
 */
@Controller
@Hidden
@RequestMapping("/ops")
class OpsConsoleController {

    private static final int REDRIVE_ALL = 10_000;

    private final Orders orders;
    private final Shipments shipments;
    private final DeadLetters deadLetters;
    private final AccessScopes accessScopes;
    private final MetricsHistory history;
    private final ShopifyApiVersionUse apiVersion;
    private final OpsProperties properties;
    private final Clock clock;

    OpsConsoleController(
            Orders orders,
            Shipments shipments,
            DeadLetters deadLetters,
            AccessScopes accessScopes,
            MetricsHistory history,
            ShopifyApiVersionUse apiVersion,
            OpsProperties properties,
            Clock clock) {
        this.orders = orders;
        this.shipments = shipments;
        this.deadLetters = deadLetters;
        this.accessScopes = accessScopes;
        this.history = history;
        this.apiVersion = apiVersion;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    String attentionPage(Model model) {
        return shell("attention", "Needs attention", model);
    }

    @GetMapping("/dead-letters")
    String deadLettersPage(Model model) {
        return shell("dead-letters", "Dead letters", model);
    }

    @GetMapping("/metrics")
    String metricsPage(Model model) {
        return shell("metrics", "Last hour", model);
    }

    private String shell(String page, String title, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("title", title);
        return "ops/console";
    }

    /** Who the key belongs to; the login form asks this to tell a good admin key from a wrong one. */
    @GetMapping(value = "/parts/session", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    String session(Authentication authentication) {
        return authentication.getName();
    }

    @GetMapping("/parts/attention")
    String attention(Model model) {
        return attention(model, null, null);
    }

    @PostMapping("/orders/{id}/push")
    String repush(@PathVariable String id, Model model) {
        try {
            Order order = orders.requestRepush(OrderId.parse(id));
            return attention(model, Notice.done("Order " + id + " is queued for another push."), order);
        } catch (IllegalOrderTransitionException | OrderNotFoundException | InvalidOrderIdException e) {
            return attention(model, Notice.failed(e.getMessage()), null);
        }
    }

    @PostMapping("/orders/{id}/totals-seen")
    String totalsSeen(@PathVariable String id, Model model) {
        try {
            Order order = orders.markTotalsMismatchSeen(OrderId.parse(id));
            return attention(model, Notice.done("The totals difference of order " + id + " is marked seen."), order);
        } catch (IllegalOrderTransitionException | OrderNotFoundException | InvalidOrderIdException e) {
            return attention(model, Notice.failed(e.getMessage()), null);
        }
    }

    @PostMapping("/orders/{id}/cancel")
    String cancel(@PathVariable String id, Model model) {
        try {
            Order order = orders.withdraw(OrderId.parse(id));
            return attention(model, Notice.done("Order " + id + " is cancelled."), order);
        } catch (IllegalOrderTransitionException | OrderNotFoundException | InvalidOrderIdException e) {
            return attention(model, Notice.failed(e.getMessage()), null);
        }
    }

    /** One order's status, which the page asks for again and again after an action until it settles. */
    @GetMapping("/parts/orders/{id}")
    String watch(@PathVariable String id, Model model) {
        model.addAttribute(
                "watched",
                orders.find(OrderId.parse(id))
                        .map(o -> AttentionRow.of(o, clock.instant()))
                        .orElse(null));
        return "ops/parts :: watch";
    }

    private String attention(Model model, @Nullable Notice notice, @Nullable Order acted) {
        Instant now = clock.instant();
        List<AttentionRow> rows = orders.needingAttention(properties.pendingPushAfter(), properties.rows()).stream()
                .map(o -> AttentionRow.of(o, now))
                .toList();
        List<FailedShipmentRow> failed = shipments.failed(properties.rows()).stream()
                .map(s -> FailedShipmentRow.of(s, orders.find(s.orderId()).orElse(null), now))
                .toList();
        model.addAttribute("notice", notice);
        model.addAttribute("watched", acted == null ? null : AttentionRow.of(acted, now));
        model.addAttribute("orders", rows);
        model.addAttribute("shipments", failed);
        model.addAttribute(
                "shops", accessScopes.lacking().stream().map(ShopScopeRow::of).toList());
        model.addAttribute("apiVersion", apiVersion.view());
        model.addAttribute("pendingAfter", AttentionRow.age(properties.pendingPushAfter()));
        return "ops/parts :: attention";
    }

    @GetMapping("/parts/dead-letters")
    String deadLetters(Model model) {
        return deadLetters(model, null);
    }

    @PostMapping("/dead-letters/{queue}/messages/{messageId}/redrive")
    String redriveOne(@PathVariable String queue, @PathVariable String messageId, Model model) {
        Notice notice;
        try {
            notice = deadLetters.redriveOne(queue, messageId)
                    ? Notice.done("Message " + messageId + " is back on the " + queue + " queue.")
                    : Notice.failed("Message " + messageId + " is no longer in the " + queue + " dead-letter queue.");
        } catch (Exception e) {
            notice = Notice.failed("Re-drive failed: " + e.getMessage());
        }
        return deadLetters(model, notice);
    }

    @PostMapping("/dead-letters/{queue}/redrive")
    String redriveAll(@PathVariable String queue, Model model) {
        Notice notice;
        try {
            int moved = deadLetters.redrive(queue, REDRIVE_ALL);
            notice = Notice.done(moved + " message" + (moved == 1 ? "" : "s") + " back on the " + queue + " queue.");
        } catch (Exception e) {
            notice = Notice.failed("Re-drive failed: " + e.getMessage());
        }
        return deadLetters(model, notice);
    }

    private String deadLetters(Model model, @Nullable Notice notice) {
        var queues = new LinkedHashMap<String, List<DeadLetters.Letter>>();
        Notice shown = notice;
        for (String queue : deadLetters.queues()) {
            try {
                queues.put(queue, deadLetters.peek(queue, properties.rows()));
            } catch (Exception e) {
                queues.put(queue, List.of());
                shown = Notice.failed("The " + queue + " dead-letter queue did not answer: " + e.getMessage());
            }
        }
        model.addAttribute("notice", shown);
        model.addAttribute("queues", queues);
        model.addAttribute("rows", properties.rows());
        return "ops/parts :: deadLetters";
    }

    @GetMapping("/parts/metrics")
    String metrics(Model model) {
        model.addAttribute("charts", ChartView.of(history.samples(), clock.instant(), properties.window()));
        model.addAttribute("interval", properties.sampleInterval().toSeconds());
        model.addAttribute("width", ChartView.WIDTH);
        model.addAttribute("height", ChartView.HEIGHT);
        return "ops/parts :: metrics";
    }

    /** The outcome of an operator's action, shown above the list it changed. */
    record Notice(boolean ok, String text) {

        static Notice done(String text) {
            return new Notice(true, text);
        }

        static Notice failed(@Nullable String text) {
            return new Notice(false, text == null ? "The action failed" : text);
        }
    }

    /** @param shopifyAdminUrl the order in the Shopify admin, where the fulfillment can be looked into */
    record FailedShipmentRow(
            String orderId,
            String shop,
            String shipmentId,
            @Nullable String reason,
            String waiting,
            @Nullable String shopifyAdminUrl) {

        static FailedShipmentRow of(FailedShipment shipment, @Nullable Order order, Instant now) {
            String reason = shipment.failureReason() != null ? shipment.failureReason() : shipment.lastError();
            return new FailedShipmentRow(
                    shipment.orderId().toString(),
                    shipment.shopDomain(),
                    shipment.shipmentId(),
                    reason,
                    AttentionRow.age(Duration.between(shipment.updatedAt(), now)),
                    order == null ? null : AttentionRow.shopifyAdminUrl(order.shopDomain(), order.shopifyOrderId()));
        }
    }
}
