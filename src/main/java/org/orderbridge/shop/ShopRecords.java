package org.orderbridge.shop;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What the app and compliance topics leave behind: installations and compliance requests. */
@Component
class ShopRecords {

    private final JdbcClient jdbc;

    ShopRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void markUninstalled(String shop, long shopId, Instant at) {
        jdbc.sql("""
                insert into shop_installation (shop_domain, shop_id, uninstalled_at) values (?, ?, ?)
                on conflict (shop_domain) do update set uninstalled_at = excluded.uninstalled_at,
                    shop_id = coalesce(shop_installation.shop_id, excluded.shop_id)""").params(shop, shopId, Timestamp.from(at)).update();
    }

    /**
     * The shop installed the app again: Shopify accepted the app's token after the uninstall was recorded. Cleared
     * only for an uninstall recorded before the check began, so a check that overlapped the uninstall clears nothing.
     */
    boolean markInstalled(String shop, Instant checkedFrom) {
        return jdbc.sql(
                                "update shop_installation set uninstalled_at = null where shop_domain = ? and uninstalled_at < ?")
                        .params(shop, Timestamp.from(checkedFrom))
                        .update()
                > 0;
    }

    boolean isUninstalled(String shop) {
        return jdbc.sql("select count(*) from shop_installation where shop_domain = ? and uninstalled_at is not null")
                        .param(shop)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Remembers the shop's Shopify id the first time a payload states it.
     *
     * @return false when another id is remembered for the shop: the payload is another shop's
     */
    boolean bindShopId(String shop, long shopId) {
        jdbc.sql("""
                insert into shop_installation (shop_domain, shop_id) values (?, ?)
                on conflict (shop_domain) do update set shop_id = coalesce(shop_installation.shop_id, excluded.shop_id)""").params(shop, shopId).update();
        return jdbc.sql("select shop_id from shop_installation where shop_domain = ?")
                .param(shop)
                .query(Long.class)
                .single()
                .equals(shopId);
    }

    void park(ComplianceTopic topic, String shop, String webhookId, long shopId, String reason, Instant at) {
        jdbc.sql("""
                insert into parked_compliance_request (webhook_id, shop_domain, topic, shop_id, reason, received_at)
                values (?, ?, ?, ?, ?, ?) on conflict (webhook_id) do nothing""")
                .params(webhookId, shop, topic.topic(), shopId, reason, Timestamp.from(at))
                .update();
    }

    /**
     * The audit record of a compliance request. That of a shop/redact names no shop: the shop's erasure leaves no row
     * that mentions it, and Shopify's webhook id, the topic, the time and the number of orders erased are what an
     * audit needs. A repeated delivery of a request already recorded (its delivery record went with the shop) adds
     * nothing.
     */
    void recordCompliance(
            ComplianceTopic topic,
            String shop,
            String webhookId,
            @Nullable Long customerId,
            int ordersAffected,
            Instant at) {
        boolean erasure = topic == ComplianceTopic.SHOP_REDACT;
        jdbc.sql("""
                insert into compliance_request (webhook_id, shop_domain, topic, customer_id, orders_affected, received_at)
                values (?, ?, ?, ?, ?, ?) on conflict (webhook_id) do nothing""")
                // As a list: params(Object...) declares its values non-null, and two of these bind SQL NULL.
                .params(Arrays.asList(
                        webhookId,
                        erasure ? null : shop,
                        topic.topic(),
                        customerId,
                        ordersAffected,
                        Timestamp.from(at)))
                .update();
    }

    /**
     * What the compliance topics left of an erased shop goes in the erasing transaction: the installation, parked
     * requests and earlier compliance records (they name customers). Nothing of the shop stays but the anonymous
     * record of its erasure ({@link #recordCompliance}).
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ShopErased erased) {
        String shop = erased.shopDomain();
        jdbc.sql("delete from shop_installation where shop_domain = ?")
                .param(shop)
                .update();
        jdbc.sql("delete from parked_compliance_request where shop_domain = ?")
                .param(shop)
                .update();
        jdbc.sql("delete from compliance_request where shop_domain = ?")
                .param(shop)
                .update();
    }

    /** The audit records of the customer's earlier requests keep no id. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CustomerErased erased) {
        jdbc.sql("update compliance_request set customer_id = null where shop_domain = ? and customer_id = ?")
                .params(erased.shopDomain(), erased.customerId())
                .update();
    }
}
