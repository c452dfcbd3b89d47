package org.orderbridge.shopify;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** {@link ShopifyCancellations} over the Admin GraphQL transport. */
final class OrderCancellations implements ShopifyCancellations {

    private final AdminGraphqlTransport transport;
    private final ShopifyResilience resilience;
    private final OrderIdDefinitions definitions;

    OrderCancellations(AdminGraphqlTransport transport, ShopifyResilience resilience) {
        this.transport = transport;
        this.resilience = resilience;
        this.definitions = new OrderIdDefinitions(transport);
    }

    @Override
    public Optional<OrderInShopify> find(
            String shopDomain, @Nullable String orderGid, UUID orderId, Duration timeBudget) {
        String shop = shopDomain.toLowerCase();
        Deadline deadline = Deadline.after(timeBudget);
        JsonNode order = resilience.call(shop, "Look-up of order " + orderId + " in " + shop, () -> {
            if (orderGid != null) {
                return transport
                        .execute(shop, ShopifyOperation.FIND_ORDER_CANCELLATION, Map.of("id", orderGid), deadline)
                        .path("order");
            }
            // orderByIdentifier by custom id works only once the unique definition exists.
            definitions.ensure(shop, deadline);
            return transport
                    .execute(
                            shop,
                            ShopifyOperation.FIND_ORDER_CANCELLATION_BY_CUSTOM_ID,
                            Map.of("identifier", OrderIdMetafield.identifier(orderId)),
                            deadline)
                    .path("orderByIdentifier");
        });
        if (!order.isObject()) {
            return Optional.empty();
        }
        String cancelledAt = order.path("cancelledAt").asString(null);
        return Optional.of(new OrderInShopify(
                order.path("id").asString(),
                Long.parseLong(order.path("legacyResourceId").asString()),
                cancelledAt == null ? null : Instant.parse(cancelledAt),
                order.path("cancelReason").asString(null)));
    }

    @Override
    public boolean jobDone(String shopDomain, String jobId, Duration timeBudget) {
        String shop = shopDomain.toLowerCase();
        Deadline deadline = Deadline.after(timeBudget);
        return resilience.call(
                shop,
                "Job " + jobId + " in " + shop,
                () -> transport
                        .execute(shop, ShopifyOperation.FIND_JOB, Map.of("id", jobId), deadline)
                        .path("job")
                        .path("done")
                        .asBoolean(false));
    }

    @Override
    public CancelOutcome cancel(CancelCommand command, Duration timeBudget) {
        String shop = command.shopDomain().toLowerCase();
        Deadline deadline = Deadline.after(timeBudget);
        JsonNode payload;
        try {
            // No retry here: a second orderCancel is safe only after the order was read again, which the caller does.
            payload = resilience
                    .circuitBreakerFor(shop)
                    .executeSupplier(
                            () -> transport.execute(shop, ShopifyOperation.CANCEL_ORDER, variables(command), deadline))
                    .path("orderCancel");
        } catch (CallNotPermittedException e) {
            throw new ShopifyUnavailableException(
                    "Circuit open for " + shop + "; not calling Shopify", resilience.openStateWait(), e);
        } catch (TransientShopifyFailure e) {
            throw new ShopifyUnavailableException(
                    "orderCancel of " + command.orderGid() + " in " + shop + ": " + e.getMessage(),
                    e.waitHint().orElse(null),
                    e);
        } catch (CallCutShort e) {
            throw new ShopifyUnavailableException("orderCancel not sent: " + e.getMessage(), e.retryAfter(), e);
        } catch (PermanentShopifyFailure e) {
            return new CancelOutcome.Refused(e.getMessage(), List.of());
        }
        JsonNode errors = payload.path("orderCancelUserErrors");
        if (!errors.isEmpty()) {
            List<String> codes = StreamSupport.stream(errors.spliterator(), false)
                    .map(e -> e.path("code").asString(""))
                    .filter(code -> !code.isEmpty())
                    .toList();
            return new CancelOutcome.Refused(UserErrors.describe(errors), codes);
        }
        JsonNode job = payload.path("job");
        if (!job.isObject()) {
            throw new ShopifyUnavailableException(
                    "orderCancel of " + command.orderGid() + " answered neither a job nor userErrors", null, null);
        }
        return new CancelOutcome.Accepted(
                job.path("id").asString(), job.path("done").asBoolean(false));
    }

    static Map<String, Object> variables(CancelCommand command) {
        var variables = new HashMap<String, Object>();
        variables.put("orderId", command.orderGid());
        variables.put("reason", command.reason());
        variables.put("restock", command.restock());
        variables.put("notifyCustomer", command.notifyCustomer());
        // The deprecated `refund` flag is not sent; refundMethod says the same.
        variables.put("refundMethod", command.refund() ? Map.of("originalPaymentMethodsRefund", true) : null);
        variables.put("staffNote", command.staffNote());
        return variables;
    }
}
