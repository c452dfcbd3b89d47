package org.orderbridge.fulfillmentservice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.web.ApiCaller;
import org.orderbridge.platform.web.ApiTags;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@ApiTags.FulfillmentRequests
@RequestMapping("/api/v1/fulfillment-requests")
class FulfillmentRequestController {

    private final FulfillmentRequests requests;

    FulfillmentRequestController(FulfillmentRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    @Operation(operationId = "listFulfillmentRequests", summary = "List fulfillment requests", description = """
                    Admin role. The merchant's requests to the shops' fulfillment services, newest first, with our \
                    answer and whether Shopify took it.""")
    @ApiResponse(responseCode = "200", description = "The requests")
    @ApiResponse(responseCode = "400", description = "Unknown status, or limit outside 1 to 500")
    List<FulfillmentRequestView> list(
            @RequestParam(required = false) @Nullable String shop,
            @RequestParam(required = false) @Nullable RequestStatus status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        ApiCaller caller = ApiCaller.current();
        return requests.list(shop, status, limit).stream()
                .filter(request -> caller.mayAccess(request.shop()))
                .map(FulfillmentRequestView::of)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getFulfillmentRequest",
            summary = "Read a fulfillment request",
            description = "Admin role. One request, with our answer and whether Shopify took it.")
    @ApiResponse(responseCode = "200", description = "The request")
    @ApiResponse(responseCode = "400", description = "Malformed id")
    @ApiResponse(responseCode = "404", description = "No such request")
    FulfillmentRequestView get(@PathVariable UUID id) {
        return FulfillmentRequestView.of(own(id));
    }

    @PostMapping("/{id}/accept")
    @Operation(operationId = "acceptFulfillmentRequest", summary = "Accept a fulfillment request", description = """
                    Admin role. The service will fulfil the fulfillment order: Shopify is told once, through the push \
                    queue. Accepting again is harmless.""")
    @ApiResponse(responseCode = "200", description = "Accepted (now or before)")
    @ApiResponse(responseCode = "400", description = "Malformed id or body")
    @ApiResponse(responseCode = "404", description = "No such request")
    @ApiResponse(responseCode = "409", description = "The request was rejected, or is not waiting for an answer")
    FulfillmentRequestView accept(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable AcceptRequest body,
            Principal caller) {
        own(id);
        return FulfillmentRequestView.of(requests.accept(id, body == null ? null : body.message(), caller.getName()));
    }

    @PostMapping("/{id}/reject")
    @Operation(operationId = "rejectFulfillmentRequest", summary = "Reject a fulfillment request", description = """
                    Admin role. The service will not fulfil it; the merchant sees the reason and message. Rejecting \
                    again is harmless.""")
    @ApiResponse(responseCode = "200", description = "Rejected (now or before)")
    @ApiResponse(responseCode = "400", description = "Malformed id, missing or unknown reason, or message too long")
    @ApiResponse(responseCode = "404", description = "No such request")
    @ApiResponse(responseCode = "409", description = "The request was accepted, or is not waiting for an answer")
    FulfillmentRequestView reject(@PathVariable UUID id, @Valid @RequestBody RejectRequest body, Principal caller) {
        own(id);
        return FulfillmentRequestView.of(requests.reject(id, body.reason(), body.message(), caller.getName()));
    }

    /** Another shop's request is not there for a key limited to shops, as another shop's order is not. */
    private FulfillmentRequest own(UUID id) {
        var request = requests.find(id);
        if (!ApiCaller.current().mayAccess(request.shop())) {
            throw new RequestNotFoundException(id);
        }
        return request;
    }

    /** @param message shown to the merchant */
    record AcceptRequest(@Size(max = 1000) @Nullable String message) {}

    /**
     * @param reason Shopify's rejection reason
     * @param message shown to the merchant
     */
    record RejectRequest(
            @NotNull RejectionReason reason,
            @Size(max = 1000) @Nullable String message) {}
}
