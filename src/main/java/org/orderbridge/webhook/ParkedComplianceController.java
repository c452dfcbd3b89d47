package org.orderbridge.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** shop/redact requests that wait for an operator because the app is still installed in the shop (admin role). */
@RestController
@RequestMapping("/api/v1/admin/compliance/parked")
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
        description = "The API key is not an admin key",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
class ParkedComplianceController {

    private final ParkedCompliance parked;

    ParkedComplianceController(ParkedCompliance parked) {
        this.parked = parked;
    }

    @GetMapping
    @Operation(summary = "List shop/redact requests that were not applied because the shop still has the app")
    @ApiResponse(responseCode = "200", description = "Parked requests, oldest first")
    List<ParkedCompliance.Parked> list() {
        return parked.list();
    }

    @PostMapping("/{webhookId}/erase")
    @Operation(summary = "Erase the shop's data as the parked shop/redact asked, after an operator confirmed it")
    @ApiResponse(responseCode = "200", description = "The shop was erased")
    @ApiResponse(
            responseCode = "404",
            description = "No parked request with this webhook id",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ParkedCompliance.Erased erase(@PathVariable @Size(max = 255) String webhookId) {
        return parked.erase(webhookId);
    }

    @PostMapping("/{webhookId}/dismiss")
    @Operation(summary = "Drop a parked shop/redact that an operator found not to come from the shop")
    @ApiResponse(responseCode = "204", description = "Dismissed; nothing was erased")
    @ApiResponse(
            responseCode = "404",
            description = "No parked request with this webhook id",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Void> dismiss(@PathVariable @Size(max = 255) String webhookId) {
        parked.dismiss(webhookId);
        return ResponseEntity.noContent().build();
    }
}
