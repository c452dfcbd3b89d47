package org.orderbridge.shipment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.orderbridge.order.OrderId;
import org.orderbridge.platform.web.ApiTags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ApiTags.Shipments
@RequestMapping("/api/v1/orders/{id}/shipments")
@ApiResponse(
        responseCode = "400",
        description = "Malformed order id, invalid body (errors lists every field), or items the order does not have")
@ApiResponse(responseCode = "404", description = "No such order or shipment")
class ShipmentController {

    private final Shipments shipments;
    private final ShipmentReleases releases;

    ShipmentController(Shipments shipments, ShipmentReleases releases) {
        this.shipments = shipments;
        this.releases = releases;
    }

    @PostMapping
    @Operation(operationId = "createShipment", summary = "Report a shipment", description = """
                    Write role. A shipment of some or all of the order's items, with carrier and tracking, to be \
                    fulfilled in Shopify (one fulfillment per location). Idempotent by `shipmentId`. An order not yet \
                    in Shopify is accepted too: the shipment waits for it (`awaitingOrder`).""")
    @ApiResponse(responseCode = "201", description = "Accepted; Location names the shipment")
    @ApiResponse(
            responseCode = "200",
            description = "The same shipmentId and content again: the shipment accepted before")
    @ApiResponse(
            responseCode = "409",
            description = "The order is cancelled, or the shipmentId (or tracking number) is taken by another shipment")
    @ApiResponse(responseCode = "422", description = "More than is left to fulfil; items lists them")
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
    @Operation(operationId = "listShipments", summary = "List the order's shipments", description = """
                    Read role. Every shipment of the order with its status (`PENDING_PUSH`, `HELD` with `holdReason`, \
                    `FULFILLED`, `FAILED` with `failureReason`, `CANCELLED`), its Shopify fulfillments and their \
                    delivery status.""")
    @ApiResponse(responseCode = "200", description = "The order's shipments, oldest first")
    List<ShipmentView> list(@PathVariable String id) {
        return shipments.list(OrderId.parse(id));
    }

    @GetMapping("/{shipmentId}")
    @Operation(operationId = "getShipment", summary = "Read one shipment", description = """
                    Read role. The shipment by the `shipmentId` it was reported with.""")
    @ApiResponse(responseCode = "200", description = "The shipment")
    ShipmentView get(@PathVariable String id, @PathVariable String shipmentId) {
        return shipments.get(OrderId.parse(id), shipmentId);
    }

    @PutMapping("/{shipmentId}/tracking")
    @Operation(operationId = "replaceShipmentTracking", summary = "Replace the shipment's tracking", description = """
                    Write role. New carrier, tracking numbers and URL; Shopify's fulfillments are updated by the push \
                    queue.""")
    @ApiResponse(responseCode = "200", description = "Stored; Shopify is updated by the push queue")
    @ApiResponse(responseCode = "409", description = "The shipment is cancelled, failed, or being created in Shopify")
    ShipmentView tracking(
            @PathVariable String id, @PathVariable String shipmentId, @Valid @RequestBody TrackingRequest request) {
        return shipments.changeTracking(OrderId.parse(id), shipmentId, request);
    }

    @PostMapping("/{shipmentId}/release")
    @Operation(operationId = "releaseShipment", summary = "Release a held shipment in Shopify", description = """
                    Admin role. For a `HELD` shipment: Shopify releases the holds this app placed on its items \
                    (`fulfillmentOrderReleaseHold`) and opens their scheduled fulfillment orders \
                    (`fulfillmentOrderOpen`); the shipment is then pushed again at once. Holds placed by the merchant \
                    or another app are theirs to release.""")
    @ApiResponse(responseCode = "202", description = "Released in Shopify; the shipment is pushed again")
    @ApiResponse(
            responseCode = "409",
            description = "The shipment is not HELD, its holds are not this app's, or Shopify refused")
    @ApiResponse(responseCode = "503", description = "Shopify is unavailable; try again later")
    ResponseEntity<ShipmentView> release(@PathVariable String id, @PathVariable String shipmentId) {
        return ResponseEntity.accepted().body(releases.release(OrderId.parse(id), shipmentId));
    }

    @PostMapping("/{shipmentId}/cancel")
    @Operation(operationId = "cancelShipment", summary = "Cancel a shipment", description = """
                    Write role. Withdraws the shipment; fulfillments already created in Shopify are cancelled there by \
                    the push queue.""")
    @ApiResponse(responseCode = "202", description = "Cancelled, or cancellation in Shopify requested")
    @ApiResponse(responseCode = "409", description = "The shipment cannot be cancelled in its state")
    ResponseEntity<ShipmentView> cancel(@PathVariable String id, @PathVariable String shipmentId) {
        return ResponseEntity.accepted().body(shipments.cancel(OrderId.parse(id), shipmentId));
    }
}
