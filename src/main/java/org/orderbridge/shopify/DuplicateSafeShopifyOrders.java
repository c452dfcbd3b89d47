package org.orderbridge.shopify;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Creates orders so that Shopify never holds two for one OrderBridge order id: the id is a unique metafield, so a
 * repeated create is refused by Shopify, and after any attempt whose outcome we did not see the order is looked up
 * before it is created again.
 */
final class DuplicateSafeShopifyOrders implements ShopifyOrders {

    private static final Logger log = LoggerFactory.getLogger(DuplicateSafeShopifyOrders.class);
    /** orderCreate's code for stock it may not claim: the order obeys inventory policies and a variant denies. */
    private static final String INVENTORY_CLAIM_FAILED = "INVENTORY_CLAIM_FAILED";

    private final ShopifyProperties properties;
    private final AdminGraphqlTransport transport;
    private final OrderIdDefinitions definitions;
    private final ShopifyResilience resilience;

    DuplicateSafeShopifyOrders(
            ShopifyProperties properties, AdminGraphqlTransport transport, ShopifyResilience resilience) {
        this.properties = properties;
        this.transport = transport;
        this.definitions = new OrderIdDefinitions(transport);
        this.resilience = resilience;
    }

    @Override
    public boolean knowsShop(String shopDomain) {
        return properties.accessTokens().tokenFor(shopDomain).isPresent();
    }

    @Override
    public Duration longestRequest() {
        return transport.requestTime();
    }

    @Override
    public PushOutcome createOrder(OrderDraft draft) {
        return createOrder(draft, CreateOrderOptions.unbounded());
    }

    @Override
    public PushOutcome createOrder(OrderDraft draft, CreateOrderOptions options) {
        if (!knowsShop(draft.shopDomain())) {
            return new PushOutcome.Rejected("No access token configured for shop " + draft.shopDomain());
        }
        String shop = draft.shopDomain().toLowerCase();
        try {
            var push = new Push(
                    shop,
                    draft,
                    OrderCreateVariables.of(draft, properties.inventory().behaviourFor(shop)),
                    options);
            return resilience.call(shop, "Push of order " + draft.orderId() + " to " + shop, push::attempt);
        } catch (PermanentShopifyFailure e) {
            log.warn("Shopify rejected order {} for {}: {}", draft.orderId(), shop, e.getMessage());
            return new PushOutcome.Rejected(e.getMessage());
        } catch (CallerHookFailure e) {
            throw e.hookException();
        }
    }

    /** Well inside the webhook queue's visibility timeout, which the look-up runs under. */
    private static final Duration LOOKUP_BUDGET = Duration.ofSeconds(20);

    @Override
    public boolean orderExists(String shopDomain, long shopifyOrderId) {
        if (!knowsShop(shopDomain)) {
            throw new IllegalStateException("No access token configured for shop " + shopDomain);
        }
        String shop = shopDomain.toLowerCase();
        var identifier = Map.of("identifier", Map.of("id", "gid://shopify/Order/" + shopifyOrderId));
        try {
            JsonNode order = resilience
                    .circuitBreakerFor(shop)
                    .executeSupplier(Retry.decorateSupplier(
                            resilience.retryFor(shop),
                            () -> transport.execute(
                                    shop,
                                    ShopifyOperation.FIND_ORDER_BY_ID,
                                    identifier,
                                    Deadline.after(LOOKUP_BUDGET))));
            return order.path("orderByIdentifier").isObject();
        } catch (CallNotPermittedException e) {
            throw new ShopifyUnavailableException(
                    "Circuit open for " + shop + "; not calling Shopify", resilience.openStateWait(), e);
        } catch (TransientShopifyFailure | PermanentShopifyFailure e) {
            throw new ShopifyUnavailableException(
                    "Could not look up order " + shopifyOrderId + " in " + shop + ": " + e.getMessage(),
                    properties.retry().maxInterval(),
                    e);
        }
    }

    /**
     * One createOrder call across its retries; remembers whether an earlier attempt, of this call or (as the caller
     * says) of an earlier one, may have created the order.
     */
    private final class Push {
        private final String shop;
        private final OrderDraft draft;
        private final Map<String, Object> variables;
        private final CreateOrderOptions options;
        private final Deadline deadline;
        private boolean mayAlreadyExist;
        private @Nullable TransientShopifyFailure lastFailure;

        Push(String shop, OrderDraft draft, Map<String, Object> variables, CreateOrderOptions options) {
            this.shop = shop;
            this.draft = draft;
            this.variables = variables;
            this.options = options;
            this.deadline = Deadline.after(options.timeBudget());
            this.mayAlreadyExist = options.createMayHaveReachedShopify();
        }

        PushOutcome attempt() {
            try {
                return attemptOnce();
            } catch (TransientShopifyFailure e) {
                lastFailure = e;
                throw withinLimits(e);
            } catch (CallCutShort e) {
                // Cut short by the cost budget before a request: whatever failed before still counts for the circuit.
                throw lastFailure == null || e.afterFailure()
                        ? e
                        : new CallCutShort(e.getMessage(), e.retryAfter(), lastFailure);
            }
        }

        private PushOutcome attemptOnce() {
            definitions.ensure(shop, deadline);
            if (mayAlreadyExist) {
                Optional<PushOutcome.Created> existing = findExisting();
                if (existing.isPresent()) {
                    log.info(
                            "Order {} already in {} as {} after an unanswered create",
                            draft.orderId(),
                            shop,
                            existing.get().name());
                    return existing.get();
                }
            }
            runBeforeCreate();
            JsonNode payload;
            try {
                payload = transport
                        .execute(shop, ShopifyOperation.CREATE_ORDER, variables, deadline)
                        .path("orderCreate");
            } catch (TransientShopifyFailure e) {
                mayAlreadyExist |= e.ambiguous();
                throw e;
            }
            JsonNode order = payload.path("order");
            JsonNode userErrors = payload.path("userErrors");
            if (userErrors.isEmpty() && order.isObject()) {
                return created(order);
            }
            if (userErrors.isEmpty()) {
                mayAlreadyExist = true;
                throw TransientShopifyFailure.ambiguous(
                        "orderCreate returned neither an order nor userErrors", null, null);
            }
            // Shopify's wording for a taken unique value is not a contract, so every refusal is checked against the
            // store.
            Optional<PushOutcome.Created> existing = findExisting();
            if (existing.isPresent()) {
                return existing.get();
            }
            String reason = UserErrors.describe(userErrors, draft.lines());
            return UserErrors.hasCode(userErrors, INVENTORY_CLAIM_FAILED)
                    ? new PushOutcome.OutOfStock(reason)
                    : new PushOutcome.Rejected(reason);
        }

        private void runBeforeCreate() {
            try {
                options.beforeCreate().run();
            } catch (RuntimeException e) {
                throw new CallerHookFailure(e);
            }
        }

        /**
         * Lets Retry wait before the next attempt only as long as Shopify allows (a wait it told us longer than
         * {@code retry.max-server-wait} ends the call) and the deadline allows (a request must still fit after it).
         */
        private RuntimeException withinLimits(TransientShopifyFailure failure) {
            Duration spare = deadline.remaining().minus(transport.requestTime());
            Optional<Duration> told = failure.waitHint();
            Duration maxServerWait = properties.retry().maxServerWait();
            if (told.isPresent() && told.get().compareTo(maxServerWait) > 0) {
                return new CallCutShort(
                        "Shopify asked to wait " + told.get().toMillis() + " ms, longer than the "
                                + maxServerWait.toMillis() + " ms a push may sit out (" + failure.getMessage() + ")",
                        told.get(),
                        failure);
            }
            if (spare.isNegative() || told.isPresent() && told.get().compareTo(spare) > 0) {
                return new CallCutShort(
                        "its time budget is used up (" + failure.getMessage() + ")",
                        told.orElse(Duration.ZERO),
                        failure);
            }
            return failure.limitWait(spare);
        }

        private Optional<PushOutcome.Created> findExisting() {
            JsonNode order = transport
                    .execute(
                            shop,
                            ShopifyOperation.FIND_ORDER_BY_CUSTOM_ID,
                            Map.of("identifier", OrderIdMetafield.identifier(draft.orderId())),
                            deadline)
                    .path("orderByIdentifier");
            return order.isObject() ? Optional.of(created(order)) : Optional.empty();
        }

        private static PushOutcome.Created created(JsonNode order) {
            return new PushOutcome.Created(
                    order.path("id").asString(),
                    Long.parseLong(order.path("legacyResourceId").asString()),
                    order.path("name").asString(),
                    ShopifyTotals.of(order));
        }
    }
}
