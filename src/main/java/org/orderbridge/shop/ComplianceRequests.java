package org.orderbridge.shop;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.orderbridge.shopify.ShopifyInstallations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Applies Shopify's compliance requests and {@code app/uninstalled}, handed over by the webhook feature once it verified
 * and recorded the delivery. Each payload is read strictly and bound to the shop its unsigned header names.
 */
@Component
public class ComplianceRequests {

    private static final Logger log = LoggerFactory.getLogger(ComplianceRequests.class);

    private final ShopRecords shops;
    private final ShopErasure erasure;
    private final Erasures erasures;
    // Looked up when needed: a module test that starts this module without the order feature handles no request.
    private final ObjectProvider<HeldOrders> orders;
    private final DataRequests dataRequests;
    private final ShopifyInstallations installations;
    private final ObjectMapper mapper;
    private final Clock clock;

    ComplianceRequests(
            ShopRecords shops,
            ShopErasure erasure,
            Erasures erasures,
            ObjectProvider<HeldOrders> orders,
            DataRequests dataRequests,
            ShopifyInstallations installations,
            ObjectMapper mapper,
            Clock clock) {
        this.shops = shops;
        this.erasure = erasure;
        this.erasures = erasures;
        this.orders = orders;
        this.dataRequests = dataRequests;
        this.installations = installations;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Asks Shopify whether the app is still installed, as a shop/redact needs to know: call it outside any
     * transaction, so that no database connection waits on Shopify.
     *
     * @throws org.orderbridge.shopify.ShopifyUnavailableException when Shopify cannot answer: retry later
     */
    public InstallationCheck askInstallation(String shop) {
        Instant askedAt = clock.instant();
        return new InstallationCheck(installations.installation(shop), askedAt);
    }

    /**
     * Applies one request in the caller's transaction, which also holds the delivery's record.
     *
     * @param installation what {@link #askInstallation} answered before the transaction: needed for shop/redact only
     * @throws UntrustedComplianceRequest when the payload does not have the topic's shape or names another shop
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ComplianceOutcome apply(
            ComplianceTopic topic,
            String shop,
            String webhookId,
            JsonNode payload,
            @Nullable InstallationCheck installation,
            Instant now) {
        var request = boundToShop(topic, shop, payload);
        return switch (topic) {
            case APP_UNINSTALLED -> {
                shops.markUninstalled(shop, request.shopId(), now);
                yield ComplianceOutcome.RECORDED;
            }
            case CUSTOMERS_DATA_REQUEST -> {
                int exported = answerDataRequest(shop, webhookId, request, now);
                shops.recordCompliance(topic, shop, webhookId, request.customerId(), exported, now);
                yield ComplianceOutcome.RECORDED;
            }
            case CUSTOMERS_REDACT -> {
                long customer = Objects.requireNonNull(request.customerId());
                int redacted = orders.getObject().redactCustomer(shop, customer, request.orderIds());
                erasures.eraseCustomer(shop, customer, request.orderIds());
                // The audit record of an erasure keeps no trace of whom it erased.
                shops.recordCompliance(topic, shop, webhookId, null, redacted, now);
                log.info("Redacted customer data from {} orders of shop {}", redacted, shop);
                yield ComplianceOutcome.REDACTED;
            }
            case SHOP_REDACT ->
                redactShop(
                        shop,
                        webhookId,
                        request,
                        Objects.requireNonNull(installation, "shop/redact is processed only once Shopify was asked"),
                        now);
        };
    }

    /**
     * Exports what is held for the customer as the order API shows it, kept for the operator who hands it to the
     * merchant.
     *
     * @return how many orders the export holds
     */
    private int answerDataRequest(String shop, String webhookId, CompliancePayload request, Instant now) {
        long customer = Objects.requireNonNull(request.customerId());
        var held = orders.getObject().export(shop, customer, request.orderIds());
        var export = new LinkedHashMap<String, Object>();
        export.put("shop", shop);
        export.put("customerId", customer);
        export.put("ordersRequested", request.orderIds());
        export.put("orders", held);
        dataRequests.record(shop, customer, webhookId, mapper.writeValueAsString(export), now);
        return held.size();
    }

    private CompliancePayload boundToShop(ComplianceTopic topic, String shop, JsonNode payload) {
        var request = CompliancePayload.read(topic, shop, payload);
        if (!shops.bindShopId(shop, request.shopId())) {
            throw new UntrustedComplianceRequest(
                    topic.topic() + " payload names another shop_id than the one known for the shop");
        }
        return request;
    }

    /**
     * Erases the shop only when it has really left. Shopify sends shop/redact 48 hours after the app was uninstalled,
     * and uninstalling revokes the app's access token: so Shopify refusing the token is the proof, and a shop whose
     * token Shopify still accepts waits for an operator, since a replayed or late body must not wipe a live (perhaps
     * reinstalled) shop. A shop without a configured token cannot be asked: it is erased once app/uninstalled was seen
     * and no later install cleared it, or when it holds no orders (a repeated shop/redact after the erasure, which took
     * the record of the uninstall with it); otherwise it waits too.
     */
    private ComplianceOutcome redactShop(
            String shop, String webhookId, CompliancePayload request, InstallationCheck installation, Instant now) {
        @Nullable String parkedBecause = switch (installation.installation()) {
            case UNINSTALLED -> null;
            case INSTALLED -> {
                shops.markInstalled(shop, installation.askedAt());
                yield "Shopify still accepts the app's access token: the app is installed";
            }
            case NOT_CONNECTED ->
                shops.isUninstalled(shop) || !orders.getObject().holdsOrdersOf(shop)
                        ? null
                        : "no app/uninstalled was seen and no access token is configured to ask Shopify";
        };
        if (parkedBecause != null) {
            shops.park(ComplianceTopic.SHOP_REDACT, shop, webhookId, request.shopId(), parkedBecause, now);
            log.warn("Parked shop/redact for {}: {}; an operator must confirm it", shop, parkedBecause);
            return ComplianceOutcome.PARKED;
        }
        int erased = erasure.erase(shop, request.shopId(), true);
        shops.recordCompliance(ComplianceTopic.SHOP_REDACT, shop, webhookId, null, erased, now);
        log.info("Erased shop {}: {} orders", shop, erased);
        return ComplianceOutcome.REDACTED;
    }
}
