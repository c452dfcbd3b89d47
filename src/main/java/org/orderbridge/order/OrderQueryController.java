package org.orderbridge.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
@ApiResponse(
        responseCode = "401",
        description = "No or unknown API key",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(
        responseCode = "403",
        description = "The API key's role does not allow this",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
class OrderQueryController {

    private final Orders orders;
    private final ObjectProvider<OrderShipments> shipments;

    OrderQueryController(Orders orders, ObjectProvider<OrderShipments> shipments) {
        this.orders = orders;
        this.shipments = shipments;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One order (read role)")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(
            responseCode = "400",
            description = "Malformed order id",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such order",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    OrderView get(@PathVariable String id) {
        return orders.find(OrderId.parse(id))
                .map(order -> OrderView.of(
                        order,
                        shipments.stream()
                                .flatMap(s -> s.of(order.id()).stream())
                                .toList()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + id));
    }

    @GetMapping
    @Operation(summary = "Orders by shop, status and change time, oldest change first, keyset-paginated (read role)")
    @ApiResponse(responseCode = "200", description = "A page of orders and the cursor of the next")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid filter, cursor or limit",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    OrderListView list(
            @RequestParam(required = false) String shop,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedSince,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        var filter = new OrderFilter(shop, status, updatedSince);
        return OrderListView.of(orders.list(filter, cursor == null ? null : OrderCursor.decode(cursor), limit));
    }
}
