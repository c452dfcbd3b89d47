package org.orderbridge.shop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.orderbridge.platform.web.ApiCaller;
import org.orderbridge.platform.web.ApiTags;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** shop/redact requests that wait for an operator because Shopify did not confirm the app is uninstalled (admin role). */
@RestController
@ApiTags.Compliance
@RequestMapping("/api/v1/admin/compliance/parked")
@Validated
class ParkedComplianceController {

    private final ParkedCompliance parked;

    ParkedComplianceController(ParkedCompliance parked) {
        this.parked = parked;
    }

    @GetMapping
    @Operation(operationId = "listParkedCompliance", summary = "List parked shop/redact requests", description = """
                    Admin role. shop/redact requests that were not applied, oldest first: Shopify still accepted the \
                    app's access token (the app is installed, perhaps again), or the shop has no configured token and \
                    no app/uninstalled was seen. `reason` says which.""")
    @ApiResponse(responseCode = "200", description = "Parked requests, oldest first")
    List<ParkedCompliance.Parked> list() {
        ApiCaller caller = ApiCaller.current();
        return parked.list().stream()
                .filter(request -> caller.mayAccess(request.shop()))
                .toList();
    }

    @PostMapping("/{webhookId}/erase")
    @Operation(
            operationId = "eraseParkedShop",
            summary = "Erase the shop as a parked shop/redact asked",
            description = """
                    Admin role. Erases the shop's data, after an operator confirmed the request with the merchant.""")
    @ApiResponse(responseCode = "200", description = "The shop was erased")
    @ApiResponse(responseCode = "404", description = "No parked request with this webhook id")
    ParkedCompliance.Erased erase(@PathVariable @Size(max = 255) String webhookId) {
        requireOwn(webhookId);
        return parked.erase(webhookId);
    }

    @PostMapping("/{webhookId}/dismiss")
    @Operation(operationId = "dismissParkedCompliance", summary = "Dismiss a parked shop/redact", description = """
                    Admin role. Drops a parked request that an operator found not to come from the shop; nothing is \
                    erased.""")
    @ApiResponse(responseCode = "204", description = "Dismissed; nothing was erased")
    @ApiResponse(responseCode = "404", description = "No parked request with this webhook id")
    ResponseEntity<Void> dismiss(@PathVariable @Size(max = 255) String webhookId) {
        requireOwn(webhookId);
        parked.dismiss(webhookId);
        return ResponseEntity.noContent().build();
    }

    /** Another shop's request is not there for a key limited to shops, as another shop's order is not. */
    private void requireOwn(String webhookId) {
        ApiCaller caller = ApiCaller.current();
        if (parked.peek(webhookId)
                .filter(request -> !caller.mayAccess(request.shop()))
                .isPresent()) {
            throw ParkedCompliance.notFound(webhookId);
        }
    }
}
