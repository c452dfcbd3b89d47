package org.orderbridge.reconcile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.orderbridge.platform.web.ApiCaller;
import org.orderbridge.platform.web.ApiTags;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Backfills of a shop's orders from Shopify, for a new shop or after an outage (admin role). */
@RestController
@RequestMapping("/api/v1/admin/shops/{shop}/backfill")
@Validated
@ApiTags.Backfills
@ApiResponse(
        responseCode = "400",
        description = "The shop is not a shop domain, or since is missing, malformed or not in the past")
@ApiResponse(
        responseCode = "404",
        description = "OrderBridge is not connected to the shop, or has no such backfill of it")
class BackfillController {

    private static final String SHOP_DOMAIN = "[a-z0-9][a-z0-9-]*\\.myshopify\\.com";

    private final Backfills backfills;

    BackfillController(Backfills backfills) {
        this.backfills = backfills;
    }

    @PostMapping
    @Operation(
            operationId = "requestBackfill",
            summary = "Read the shop's orders updated since a point in time back from Shopify",
            description =
                    "Admin role. Every order Shopify has that was updated from since until now goes through the same"
                            + " idempotent apply path as webhooks: newer data wins, nothing is stored twice. Short ranges"
                            + " read the orders page by page, long ones through a Shopify bulk operation. The backfill runs"
                            + " in the background; follow it at the Location.")
    @ApiResponse(responseCode = "202", description = "Queued; the Location is the backfill")
    @ApiResponse(
            responseCode = "409",
            description = "The shop has a backfill queued or running; its id is in the problem's backfill property")
    ResponseEntity<BackfillView> request(
            @PathVariable
                    @Size(max = 255) @Pattern(regexp = SHOP_DOMAIN, message = "must be a shop domain such as example.myshopify.com") String shop,
            @Parameter(
                            description = "ISO-8601 timestamp with offset (2026-11-01T00:00:00Z) or date (2026-11-01,"
                                    + " midnight UTC); orders updated from then on are read",
                            example = "2026-11-01T00:00:00Z")
                    @RequestParam
                    @Size(max = 64) String since) {
        ApiCaller.requireAccessTo(shop);
        Backfill backfill = backfills.request(shop, parse(since));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/shops/" + shop + "/backfill/" + backfill.id()))
                .body(BackfillView.of(backfill));
    }

    @GetMapping
    @Operation(
            operationId = "latestBackfill",
            summary = "The shop's most recent backfill",
            description =
                    "Admin role. State, method (paginated or bulk) and counts of the shop's most recent backfill.")
    @ApiResponse(responseCode = "200", description = "The most recent backfill")
    BackfillView latest(
            @PathVariable
                    @Size(max = 255) @Pattern(regexp = SHOP_DOMAIN, message = "must be a shop domain such as example.myshopify.com") String shop) {
        ApiCaller.requireAccessTo(shop);
        return BackfillView.of(backfills.latest(shop));
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getBackfill",
            summary = "One backfill of the shop",
            description = "Admin role. State, method, progress and counts of one backfill; follow it until its state"
                    + " is COMPLETED or FAILED.")
    @ApiResponse(responseCode = "200", description = "The backfill")
    BackfillView find(
            @PathVariable
                    @Size(max = 255) @Pattern(regexp = SHOP_DOMAIN, message = "must be a shop domain such as example.myshopify.com") String shop,
            @PathVariable UUID id) {
        ApiCaller.requireAccessTo(shop);
        return BackfillView.of(backfills.find(shop, id));
    }

    private static Instant parse(String since) {
        try {
            return OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException notATimestamp) {
            try {
                return LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new BackfillExceptions.InvalidSince(since);
            }
        }
    }
}
