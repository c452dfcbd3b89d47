package org.orderbridge.order;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/orders")
@Validated
class OrderQueryController {

    private final Orders orders;

    OrderQueryController(Orders orders) {
        this.orders = orders;
    }

    @GetMapping("/{id}")
    OrderView get(@PathVariable String id) {
        return orders.find(OrderId.parse(id))
                .map(OrderView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + id));
    }

    @GetMapping
    OrderListView list(@RequestParam(required = false) String shop,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedSince,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        var filter = new OrderFilter(shop, status, updatedSince);
        return OrderListView.of(orders.list(filter, cursor == null ? null : OrderCursor.decode(cursor), limit));
    }
}
