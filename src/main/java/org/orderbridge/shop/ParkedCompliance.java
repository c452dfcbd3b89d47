package org.orderbridge.shop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/** The operator's side of parked shop/redact requests. */
@Component
class ParkedCompliance {

    private static final Logger log = LoggerFactory.getLogger(ParkedCompliance.class);

    private final JdbcClient jdbc;
    private final ShopErasure erasure;
    private final ShopRecords shops;
    private final Clock clock;

    ParkedCompliance(JdbcClient jdbc, ShopErasure erasure, ShopRecords shops, Clock clock) {
        this.jdbc = jdbc;
        this.erasure = erasure;
        this.shops = shops;
        this.clock = clock;
    }

    private static final String SELECT =
            "select webhook_id, shop_domain, topic, shop_id, reason, received_at from parked_compliance_request ";

    List<Parked> list() {
        return jdbc.sql(SELECT + "order by received_at, webhook_id limit 1000")
                .query(ParkedCompliance::parked)
                .list();
    }

    /** The request, without waiting for an erasure or dismissal of it that is under way. */
    Optional<Parked> peek(String webhookId) {
        return jdbc.sql(SELECT + "where webhook_id = ?")
                .param(webhookId)
                .query(ParkedCompliance::parked)
                .optional();
    }

    @Transactional
    Erased erase(String webhookId) {
        Parked request = find(webhookId);
        // Shopify may still accept the app's token: a working token later proves no new installation.
        int orders = erasure.erase(request.shop(), request.shopId(), false);
        shops.recordCompliance(ComplianceTopic.SHOP_REDACT, request.shop(), webhookId, null, orders, clock.instant());
        log.info(
                "Erased shop {} on an operator's confirmation of shop/redact {}: {} orders",
                request.shop(),
                webhookId,
                orders);
        return new Erased(request.shop(), orders);
    }

    @Transactional
    void dismiss(String webhookId) {
        Parked request = find(webhookId);
        jdbc.sql("delete from parked_compliance_request where webhook_id = ?")
                .param(webhookId)
                .update();
        log.info("Dismissed parked shop/redact {} for {}", webhookId, request.shop());
    }

    private Parked find(String webhookId) {
        return jdbc.sql(SELECT + "where webhook_id = ? for update")
                .param(webhookId)
                .query(ParkedCompliance::parked)
                .optional()
                .orElseThrow(() -> notFound(webhookId));
    }

    static ErrorResponseException notFound(String webhookId) {
        return new ErrorResponseException(
                HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No parked request " + webhookId),
                null);
    }

    private static Parked parked(ResultSet rs, int row) throws SQLException {
        return new Parked(
                rs.getString("webhook_id"),
                rs.getString("shop_domain"),
                rs.getString("topic"),
                rs.getLong("shop_id"),
                rs.getString("reason"),
                rs.getTimestamp("received_at").toInstant());
    }

    record Parked(String webhookId, String shop, String topic, long shopId, String reason, Instant receivedAt) {}

    record Erased(String shop, int ordersErased) {}
}
