package org.orderbridge.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import org.orderbridge.shopify.ShopifyOrders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
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
class OrderCommandController {

    private final Orders orders;
    private final ShopifyOrders shopify;

    OrderCommandController(Orders orders, ShopifyOrders shopify) {
        this.orders = orders;
        this.shopify = shopify;
    }

    @PostMapping
    @Operation(summary = "Accept an order to be created in Shopify (write role)")
    @ApiResponse(responseCode = "201", description = "Accepted; Location names the new order")
    @ApiResponse(responseCode = "200", description = "The same externalId and content again: the order accepted before")
    @ApiResponse(
            responseCode = "400",
            description = "Not JSON, or invalid; errors lists every field",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The externalId is taken by an order with different content",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "413",
            description = "Body larger than allowed",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "422",
            description = "The shop is not connected to OrderBridge",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "503",
            description = "Database unavailable; nothing was stored, retry",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<OrderView> create(@Valid @RequestBody CreateOrderRequest request) {
        if (!shopify.knowsShop(request.shop())) {
            throw new UnknownShopException(request.shop());
        }
        Orders.Intake intake = orders.accept(request);
        OrderView view = OrderView.of(intake.order());
        if (!intake.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/v1/orders/" + view.id())).body(view);
    }

    @PostMapping("/{id}/push")
    @Operation(summary = "Push a parked or dead-lettered order again (admin role)")
    @ApiResponse(responseCode = "202", description = "Re-push requested; the order is PENDING_PUSH")
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
    @ApiResponse(
            responseCode = "409",
            description = "The order is neither PUSH_FAILED nor PENDING_PUSH",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<OrderView> push(@PathVariable String id) {
        return ResponseEntity.accepted().body(OrderView.of(orders.requestRepush(OrderId.parse(id))));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Withdraw an order that has not reached Shopify (write role)")
    @ApiResponse(responseCode = "200", description = "Cancelled")
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
    @ApiResponse(
            responseCode = "409",
            description = "The order is already in Shopify, or cancelled",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    OrderView cancel(@PathVariable String id) {
        return OrderView.of(orders.cancel(OrderId.parse(id)));
    }
}
