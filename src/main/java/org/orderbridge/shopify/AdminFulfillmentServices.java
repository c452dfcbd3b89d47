package org.orderbridge.shopify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@link ShopifyFulfillmentService} through the 2026-10 Admin API: {@code shop.fulfillmentServices},
 * {@code fulfillmentServiceCreate}, {@code assignedFulfillmentOrders}, {@code fulfillmentOrder(id:)} and the four
 * {@code fulfillmentOrder…Request} answers. Reads are retried like a push's; an answer's request is sent again only
 * where Shopify certainly did not execute it (the transport's rule), and otherwise surfaces as unavailable so that the
 * caller reads the fulfillment order first.
 */
final class AdminFulfillmentServices implements ShopifyFulfillmentService {

    /** Fulfillment orders per page of the catch-up read: 2 + 100 x 3 requested points. */
    static final int ASSIGNED_PAGE = 100;

    /** Lines read of one fulfillment order: 1 + 2 + 250 requested points. */
    static final int LINES_PAGE = 250;

    private static final Duration REQUEST_BUDGET = Duration.ofSeconds(30);

    private final ShopifyProperties properties;
    private final AdminGraphqlTransport transport;
    private final ShopifyResilience resilience;

    AdminFulfillmentServices(
            ShopifyProperties properties, AdminGraphqlTransport transport, ShopifyResilience resilience) {
        this.properties = properties;
        this.transport = transport;
        this.resilience = resilience;
    }

    @Override
    public Optional<Registration> find(String shopDomain, String name) {
        String shop = known(shopDomain);
        JsonNode services = guarded(shop, () -> execute(shop, ShopifyOperation.FIND_FULFILLMENT_SERVICES, Map.of()))
                .path("shop")
                .path("fulfillmentServices");
        for (JsonNode service : services) {
            if (service.path("serviceName").asString("").equalsIgnoreCase(name.strip())) {
                return Optional.of(registration(service));
            }
        }
        return Optional.empty();
    }

    @Override
    public Registration register(String shopDomain, String name, String callbackUrl) {
        String shop = known(shopDomain);
        JsonNode payload = guarded(
                        shop,
                        () -> execute(shop, ShopifyOperation.CREATE_FULFILLMENT_SERVICE, variables(name, callbackUrl)))
                .path("fulfillmentServiceCreate");
        if (payload.path("fulfillmentService").isObject()) {
            return registration(payload.path("fulfillmentService"));
        }
        throw new IllegalStateException("Shopify refused to register fulfillment service " + name + ": "
                + UserErrors.describe(payload.path("userErrors")));
    }

    static Map<String, Object> variables(String name, String callbackUrl) {
        return Map.of("name", name, "callbackUrl", callbackUrl);
    }

    @Override
    public AssignedPage assigned(
            String shopDomain, String assignmentStatus, String locationGid, @Nullable String after) {
        String shop = known(shopDomain);
        JsonNode page = guarded(
                        shop,
                        () -> execute(
                                shop,
                                ShopifyOperation.ASSIGNED_FULFILLMENT_ORDERS,
                                assignedVariables(assignmentStatus, locationGid, after)))
                .path("assignedFulfillmentOrders");
        var found = new ArrayList<Assigned>();
        page.path("nodes")
                .forEach(node -> found.add(new Assigned(
                        node.path("id").asString(),
                        node.path("orderId").asString(),
                        node.path("status").asString(),
                        node.path("requestStatus").asString())));
        JsonNode pageInfo = page.path("pageInfo");
        return new AssignedPage(
                found,
                pageInfo.path("hasNextPage").asBoolean(false)
                        ? pageInfo.path("endCursor").asString(null)
                        : null);
    }

    static Map<String, Object> assignedVariables(String assignmentStatus, String locationGid, @Nullable String after) {
        var variables = new HashMap<String, Object>();
        variables.put("status", assignmentStatus);
        variables.put("locationIds", java.util.List.of(locationGid));
        variables.put("after", after);
        return variables;
    }

    @Override
    public Optional<RequestedFulfillmentOrder> read(String shopDomain, String fulfillmentOrderGid) {
        String shop = known(shopDomain);
        JsonNode fo = guarded(
                        shop,
                        () -> execute(
                                shop,
                                ShopifyOperation.FIND_REQUESTED_FULFILLMENT_ORDER,
                                Map.of("id", fulfillmentOrderGid)))
                .path("fulfillmentOrder");
        if (!fo.isObject()) {
            return Optional.empty();
        }
        JsonNode lines = fo.path("lineItems");
        boolean fulfilled = lines.path("pageInfo").path("hasNextPage").asBoolean(false);
        for (JsonNode line : lines.path("nodes")) {
            fulfilled |= line.path("remainingQuantity").asInt()
                    < line.path("totalQuantity").asInt();
        }
        return Optional.of(new RequestedFulfillmentOrder(
                fo.path("orderId").asString(),
                fo.path("status").asString(),
                fo.path("requestStatus").asString(),
                fulfilled));
    }

    @Override
    public @Nullable String answer(
            String shopDomain,
            String fulfillmentOrderGid,
            Answer answer,
            @Nullable String message,
            @Nullable String reason) {
        String shop = known(shopDomain);
        ShopifyOperation operation = operation(answer);
        try {
            JsonNode payload = resilience.call(
                    shop,
                    "Fulfillment request answer for " + shop,
                    () -> execute(shop, operation, answerVariables(fulfillmentOrderGid, answer, message, reason)));
            JsonNode root = payload.path(rootField(answer));
            if (root.path("fulfillmentOrder").isObject()) {
                return null;
            }
            if (root.path("userErrors").isEmpty()) {
                throw TransientShopifyFailure.ambiguous(
                        operation + " returned neither a fulfillment order nor userErrors", null, null);
            }
            return UserErrors.describe(root.path("userErrors"));
        } catch (PermanentShopifyFailure e) {
            return e.getMessage();
        }
    }

    static ShopifyOperation operation(Answer answer) {
        return switch (answer) {
            case ACCEPT_FULFILLMENT -> ShopifyOperation.ACCEPT_FULFILLMENT_REQUEST;
            case REJECT_FULFILLMENT -> ShopifyOperation.REJECT_FULFILLMENT_REQUEST;
            case ACCEPT_CANCELLATION -> ShopifyOperation.ACCEPT_CANCELLATION_REQUEST;
            case REJECT_CANCELLATION -> ShopifyOperation.REJECT_CANCELLATION_REQUEST;
        };
    }

    private static String rootField(Answer answer) {
        return switch (answer) {
            case ACCEPT_FULFILLMENT -> "fulfillmentOrderAcceptFulfillmentRequest";
            case REJECT_FULFILLMENT -> "fulfillmentOrderRejectFulfillmentRequest";
            case ACCEPT_CANCELLATION -> "fulfillmentOrderAcceptCancellationRequest";
            case REJECT_CANCELLATION -> "fulfillmentOrderRejectCancellationRequest";
        };
    }

    static Map<String, Object> answerVariables(
            String fulfillmentOrderGid, Answer answer, @Nullable String message, @Nullable String reason) {
        var variables = new HashMap<String, Object>();
        variables.put("id", fulfillmentOrderGid);
        variables.put("message", message);
        if (answer == Answer.REJECT_FULFILLMENT) {
            variables.put("reason", reason == null ? "OTHER" : reason);
        }
        return variables;
    }

    private JsonNode execute(String shop, ShopifyOperation operation, Map<String, ?> variables) {
        return transport.execute(shop, operation, variables, Deadline.after(REQUEST_BUDGET));
    }

    private static Registration registration(JsonNode service) {
        return new Registration(
                service.path("id").asString(),
                service.path("serviceName").asString(),
                service.path("location").path("id").asString(),
                service.path("callbackUrl").asString(null));
    }

    private String known(String shopDomain) {
        String shop = shopDomain.toLowerCase();
        if (properties.accessTokens().tokenFor(shop).isEmpty()) {
            throw new IllegalStateException("No access token configured for shop " + shop);
        }
        return shop;
    }

    /** Budget, retries and the shop's breaker, as for orders; a permanent failure is the caller's refusal. */
    private <T> T guarded(String shop, Supplier<T> call) {
        try {
            return resilience.call(shop, "Fulfillment service call for " + shop, call);
        } catch (PermanentShopifyFailure e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
