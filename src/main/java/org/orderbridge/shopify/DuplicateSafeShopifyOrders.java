package org.orderbridge.shopify;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.retry.Retry;
import java.util.Map;
import java.util.Optional;
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
    public PushOutcome createOrder(OrderDraft draft) {
        if (!knowsShop(draft.shopDomain())) {
            return new PushOutcome.Rejected("No access token configured for shop " + draft.shopDomain());
        }
        String shop = draft.shopDomain().toLowerCase();
        try {
            var push = new Push(shop, draft, OrderCreateVariables.of(draft));
            Retry retry = resilience.retryFor(shop);
            return resilience.circuitBreakerFor(shop).executeSupplier(Retry.decorateSupplier(retry, push::attempt));
        } catch (PermanentShopifyFailure e) {
            log.warn("Shopify rejected order {} for {}: {}", draft.orderId(), shop, e.getMessage());
            return new PushOutcome.Rejected(e.getMessage());
        } catch (CallNotPermittedException e) {
            throw new ShopifyUnavailableException(
                    "Circuit open for " + shop + "; not calling Shopify", resilience.openStateWait(), e);
        } catch (TransientShopifyFailure e) {
            throw new ShopifyUnavailableException(
                    "Shopify unavailable for " + shop + " after "
                            + properties.retry().maxAttempts() + " attempts: " + e.getMessage(),
                    e.waitHint().orElse(properties.retry().maxInterval()),
                    e);
        }
    }

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
                            () -> transport.execute(shop, ShopifyOperation.FIND_ORDER_BY_ID, identifier)));
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

    /** One createOrder call across its retries; remembers whether an earlier attempt may have created the order. */
    private final class Push {
        private final String shop;
        private final OrderDraft draft;
        private final Map<String, Object> variables;
        private boolean mayAlreadyExist;

        Push(String shop, OrderDraft draft, Map<String, Object> variables) {
            this.shop = shop;
            this.draft = draft;
            this.variables = variables;
        }

        PushOutcome attempt() {
            definitions.ensure(shop);
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
            JsonNode payload;
            try {
                payload = transport
                        .execute(shop, ShopifyOperation.CREATE_ORDER, variables)
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
            return findExisting()
                    .map(PushOutcome.class::cast)
                    .orElseGet(() -> new PushOutcome.Rejected(UserErrors.describe(userErrors)));
        }

        private Optional<PushOutcome.Created> findExisting() {
            JsonNode order = transport
                    .execute(
                            shop,
                            ShopifyOperation.FIND_ORDER_BY_CUSTOM_ID,
                            Map.of("identifier", OrderIdMetafield.identifier(draft.orderId())))
                    .path("orderByIdentifier");
            return order.isObject() ? Optional.of(created(order)) : Optional.empty();
        }

        private static PushOutcome.Created created(JsonNode order) {
            return new PushOutcome.Created(
                    order.path("id").asString(),
                    Long.parseLong(order.path("legacyResourceId").asString()),
                    order.path("name").asString());
        }
    }
}
