package org.orderbridge.shop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.web.ApiCaller;
import org.orderbridge.platform.web.ApiTags;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The exports answering Shopify's customers/data_request, for the operator who hands them on (admin role). */
@RestController
@ApiTags.Compliance
@RequestMapping("/api/v1/admin/compliance/data-requests")
class DataRequestController {

    private static final TypeReference<Map<String, Object>> EXPORT = new TypeReference<>() {};

    private final DataRequests requests;
    private final ObjectMapper mapper;

    DataRequestController(DataRequests requests, ObjectMapper mapper) {
        this.requests = requests;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(operationId = "listDataRequests", summary = "List customers' data requests", description = """
                    Admin role. customers/data_request requests without their exports: open ones first, the soonest \
                    due first. Each is due 30 days after Shopify sent it.""")
    @ApiResponse(responseCode = "200", description = "The requests")
    List<DataRequests.DataRequest> list() {
        ApiCaller caller = ApiCaller.current();
        return requests.list().stream()
                .filter(request -> caller.mayAccess(request.shop()))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getDataRequest", summary = "Read a data request with its export", description = """
                    Admin role. The request and its export: every order held for the customer in the shop, with its \
                    customer, addresses, lines and shipments, as the order API shows them, taken when the request \
                    arrived.""")
    @ApiResponse(responseCode = "200", description = "The request and its export")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID")
    @ApiResponse(responseCode = "404", description = "No such request (or the customer or shop was erased since)")
    DataRequestView get(@PathVariable String id) {
        UUID requestId = parse(id);
        var request = ownRequest(requestId, id);
        String export = requests.export(requestId).orElseThrow(() -> notFound(id));
        return DataRequestView.of(request, mapper.readValue(export, EXPORT));
    }

    @PostMapping("/{id}/delivered")
    @Operation(operationId = "markDataRequestDelivered", summary = "Mark a data request delivered", description = """
                    Admin role. The export was handed to the merchant: the request no longer counts as open or \
                    overdue. Repeating it keeps the first time.""")
    @ApiResponse(responseCode = "204", description = "Marked delivered")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID")
    @ApiResponse(responseCode = "404", description = "No such request")
    ResponseEntity<Void> delivered(@PathVariable String id) {
        UUID requestId = parse(id);
        ownRequest(requestId, id);
        if (!requests.markDelivered(requestId)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Another shop's request is not there for a key limited to shops, as another shop's order is not. */
    private DataRequests.DataRequest ownRequest(UUID requestId, String id) {
        return requests.find(requestId)
                .filter(request -> ApiCaller.current().mayAccess(request.shop()))
                .orElseThrow(() -> notFound(id));
    }

    private static UUID parse(String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new ErrorResponseException(
                HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST, "A data request id is a UUID; got '" + abbreviated(id) + "'"),
                null);
    }

    private static String abbreviated(String id) {
        return id.length() > 64 ? id.substring(0, 64) + "…" : id;
    }

    private static ErrorResponseException notFound(String id) {
        return new ErrorResponseException(
                HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No data request " + id),
                null);
    }

    /** A request and its export. */
    record DataRequestView(
            UUID id,
            String shop,
            long customerId,
            Instant receivedAt,
            Instant dueAt,
            @Nullable Instant deliveredAt,
            @Schema(description = """
                    shop, customerId, ordersRequested (Shopify's order ids in the request) and orders: each held \
                    order as GET /api/v1/orders/{id} shows it""") Map<String, Object> export) {

        static DataRequestView of(DataRequests.DataRequest request, Map<String, Object> export) {
            return new DataRequestView(
                    request.id(),
                    request.shop(),
                    request.customerId(),
                    request.receivedAt(),
                    request.dueAt(),
                    request.deliveredAt(),
                    export);
        }
    }
}
