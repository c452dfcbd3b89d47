package org.orderbridge.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.web.ApiCaller;
import org.orderbridge.platform.web.ApiTags;
import org.orderbridge.shopify.ShopifyOrders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ApiTags.Orders
@RequestMapping("/api/v1/orders")
class OrderCommandController {

    private final Orders orders;
    private final ShopifyOrders shopify;

    OrderCommandController(Orders orders, ShopifyOrders shopify) {
        this.orders = orders;
        this.shopify = shopify;
    }

    @PostMapping
    @Operation(operationId = "createOrder", summary = "Accept an order to be created in Shopify", description = """
                    Write role. Stores the order and a request to create it in Shopify; the push queue creates it there \
                    exactly once. Repeating the request with the same `externalId` and content is a safe retry (200 with \
                    the order accepted first). Follow the order's `status` with `GET /api/v1/orders/{id}`: \
                    `PENDING_PUSH`, then `PUSHED` with `shopifyOrderId`, or `PUSH_FAILED` with `lastError`.""")
    @ApiResponse(responseCode = "201", description = "Accepted; Location names the new order")
    @ApiResponse(responseCode = "200", description = "The same externalId and content again: the order accepted before")
    @ApiResponse(responseCode = "400", description = "Not JSON, or invalid; errors lists every field")
    @ApiResponse(
            responseCode = "403",
            description = "The API key's role does not allow this operation, or the key is limited to other shops")
    @ApiResponse(responseCode = "409", description = "The externalId is taken by an order with different content")
    @ApiResponse(responseCode = "413", description = "Body larger than allowed")
    @ApiResponse(responseCode = "422", description = "The shop is not connected to OrderBridge")
    @ApiResponse(responseCode = "503", description = "Database unavailable; nothing was stored, retry")
    ResponseEntity<OrderView> create(@Valid @RequestBody CreateOrderRequest request) {
        if (!ApiCaller.current().mayAccess(request.shop())) {
            throw new ErrorResponseException(
                    HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.FORBIDDEN, "This API key is not allowed to create orders for " + request.shop()),
                    null);
        }
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
    @Operation(operationId = "repushOrder", summary = "Push a parked or stuck order again", description = """
                    Admin role. For an order that Shopify refused (`PUSH_FAILED`) or whose push message was \
                    dead-lettered (`PENDING_PUSH` for long): requests a new push, which can create the order only once.""")
    @ApiResponse(responseCode = "202", description = "Re-push requested; the order is PENDING_PUSH")
    @ApiResponse(responseCode = "400", description = "Malformed order id")
    @ApiResponse(responseCode = "404", description = "No such order")
    @ApiResponse(responseCode = "409", description = "The order is neither PUSH_FAILED nor PENDING_PUSH")
    ResponseEntity<OrderView> push(@PathVariable String id) {
        return ResponseEntity.accepted().body(OrderView.of(orders.requestRepush(OrderId.parse(id))));
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelOrder", summary = "Cancel an order, in Shopify if it is there", description = """
                    Write role. An order still `PENDING_PUSH` or `PUSH_FAILED` is withdrawn: it becomes `CANCELLED` at \
                    once (200), and if a push was under way, the copy it may have made in Shopify is cancelled there \
                    too (`cancellation`). An order in Shopify (`PUSHED`, `SYNCED`) is cancelled there with Shopify's \
                    `orderCancel`, sent once through the push queue (202): the body must say `reason` and `restock`; \
                    follow `cancellation.state` (`REQUESTED`, `SENT`, then `DONE` with `cancelledAt`, or `REFUSED` \
                    with `cancellation.error`). The same request again is a safe retry.""")
    @ApiResponse(responseCode = "200", description = "Withdrawn before it reached Shopify")
    @ApiResponse(responseCode = "202", description = "Cancellation in Shopify requested (or requested before)")
    @ApiResponse(
            responseCode = "400",
            description = "Malformed order id, or an invalid body; for an order in Shopify, reason or restock missing")
    @ApiResponse(responseCode = "404", description = "No such order")
    @ApiResponse(
            responseCode = "409",
            description = "Cancelled already (here or in Shopify), deleted in Shopify, or a different cancellation is "
                    + "under way")
    ResponseEntity<OrderView> cancel(
            @PathVariable String id, @Valid @RequestBody(required = false) @Nullable CancelOrderRequest request) {
        Orders.Cancellation cancellation = orders.cancel(OrderId.parse(id), request);
        OrderView view = OrderView.of(cancellation.order());
        return cancellation.inShopify() ? ResponseEntity.accepted().body(view) : ResponseEntity.ok(view);
    }
}
