package org.orderbridge.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.web.ApiCaller;
import org.orderbridge.platform.web.ApiTags;
import org.springframework.beans.factory.ObjectProvider;
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
@ApiTags.Orders
@RequestMapping("/api/v1/orders")
@Validated
class OrderQueryController {

    private final Orders orders;
    private final ObjectProvider<OrderShipments> shipments;

    OrderQueryController(Orders orders, ObjectProvider<OrderShipments> shipments) {
        this.orders = orders;
        this.shipments = shipments;
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getOrder", summary = "Read one order", description = """
                    Read role. The order with its status, Shopify's ids once pushed, the last push error, its \
                    shipments, and per line what Shopify said is left to ship (`leftToShip`, as of the last read of \
                    its fulfillment orders).""")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "400", description = "Malformed order id")
    @ApiResponse(responseCode = "404", description = "No such order, or one of a shop the API key is not limited to")
    OrderView get(@PathVariable String id) {
        return orders.find(OrderId.parse(id))
                .map(order -> OrderView.withShipments(order, shipments))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + id));
    }

    @GetMapping
    @Operation(operationId = "listOrders", summary = "List orders by last change", description = """
                    Read role. Orders filtered by shop, status and change time, oldest change first; a key limited to \
                    shops sees only theirs. Pass the answer's \
                    `nextCursor` as `cursor` for the next page; it is absent on the last page. Polling with \
                    `updatedSince` and the cursor sees every change exactly once.""")
    @ApiResponse(responseCode = "200", description = "A page of orders and the cursor of the next")
    @ApiResponse(responseCode = "400", description = "Invalid filter, cursor or limit")
    OrderListView list(
            @RequestParam(required = false) @Nullable String shop,
            @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant updatedSince,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        var filter =
                new OrderFilter(shop, status, updatedSince, ApiCaller.current().shops());
        return OrderListView.of(orders.list(filter, cursor == null ? null : OrderCursor.decode(cursor), limit));
    }
}
