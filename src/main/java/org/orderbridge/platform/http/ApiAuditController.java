package org.orderbridge.platform.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.web.ApiTags;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ApiTags.Audit
@RequestMapping("/api/v1/admin/audit")
@Validated
class ApiAuditController {

    // Looked up per request: web slice tests, which have no database, never call it.
    private final ObjectProvider<ApiAuditLog> audit;

    ApiAuditController(ObjectProvider<ApiAuditLog> audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(operationId = "listAudit", summary = "List operator actions, newest first", description = """
                    Admin role. Every re-push, cancellation, release of a held shipment and change under \
                    `/api/v1/admin` (erasures, dismissals, re-drives, backfills), refused ones included, with the name \
                    of the API key that asked and the HTTP status it was answered. Records are kept; pass the oldest \
                    `id` seen as `before` for the next page.""")
    @ApiResponse(responseCode = "200", description = "The newest records, at most `limit`")
    @ApiResponse(responseCode = "400", description = "Invalid limit")
    List<ApiAuditLog.AuditEntry> list(
            @RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return audit.getObject().newest(before == null ? Long.MAX_VALUE : before, limit);
    }
}
