package org.orderbridge.shipment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.orderbridge.order.OrderId;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders/{id}/shipments")
@ApiResponse(
        responseCode = "400",
        description = "Malformed order id, invalid body (errors lists every field), or items the order does not have",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
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
@ApiResponse(
        responseCode = "404",
        description = "No such order or shipment",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
class ShipmentController {

    private final Shipments shipments;

    ShipmentController(Shipments shipments) {
        this.shipments = shipments;
    }

    @PostMapping
    @Operation(summary = "Report a shipment, to be fulfilled in Shopify (write role)")
    @ApiResponse(responseCode = "201", description = "Accepted; Location names the shipment")
    @ApiResponse(
            responseCode = "200",
            description = "The same shipmentId and content again: the shipment accepted before")
    @ApiResponse(
            responseCode = "409",
            description = "The order is cancelled, or the shipmentId (or tracking number) is taken by another shipment",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "422",
            description = "More than is left to fulfil; items lists them",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ShipmentView> create(@PathVariable String id, @Valid @RequestBody CreateShipmentRequest request) {
        OrderId orderId = OrderId.parse(id);
        Shipments.Intake intake = shipments.accept(orderId, request);
        ShipmentView view = ShipmentView.of(intake.shipment());
        if (!intake.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/v1/orders/" + orderId + "/shipments/" + view.shipmentId()))
                .body(view);
    }

    @GetMapping
    @Operation(summary = "The order's shipments (read role)")
    List<ShipmentView> list(@PathVariable String id) {
        return shipments.list(OrderId.parse(id));
    }

    @GetMapping("/{shipmentId}")
    @Operation(summary = "One shipment (read role)")
    ShipmentView get(@PathVariable String id, @PathVariable String shipmentId) {
        return shipments.get(OrderId.parse(id), shipmentId);
    }

    @PutMapping("/{shipmentId}/tracking")
    @Operation(summary = "Replace the shipment's tracking, in Shopify too (write role)")
    @ApiResponse(responseCode = "200", description = "Stored; Shopify is updated by the push queue")
    @ApiResponse(
            responseCode = "409",
            description = "The shipment is cancelled, failed, or being created in Shopify",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ShipmentView tracking(
            @PathVariable String id, @PathVariable String shipmentId, @Valid @RequestBody TrackingRequest request) {
        return shipments.changeTracking(OrderId.parse(id), shipmentId, request);
    }

    @PostMapping("/{shipmentId}/cancel")
    @Operation(summary = "Withdraw the shipment and cancel its fulfillments in Shopify (write role)")
    @ApiResponse(responseCode = "202", description = "Cancelled, or cancellation in Shopify requested")
    @ApiResponse(
            responseCode = "409",
            description = "The shipment cannot be cancelled in its state",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ShipmentView> cancel(@PathVariable String id, @PathVariable String shipmentId) {
        return ResponseEntity.accepted().body(shipments.cancel(OrderId.parse(id), shipmentId));
    }
}
