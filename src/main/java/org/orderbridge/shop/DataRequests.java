package org.orderbridge.shop;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shopify's customers/data_request, answered: the export of what is held for the customer, kept for the operator who
 * hands it to the merchant within the 30 days Shopify gives. Requests past that date and not marked delivered are the
 * gauge {@code orderbridge.compliance.data_requests.overdue}, which is alarmed on.
 */
@Component
public class DataRequests {

    static final Duration ANSWER_WITHIN = Duration.ofDays(30);

    private static final String SUMMARY =
            "select id, shop_domain, customer_id, received_at, due_at, delivered_at from data_request ";

    private final JdbcClient jdbc;
    private final Clock clock;

    DataRequests(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("orderbridge.compliance.data_requests.overdue", this::overdueOrNaN)
                .description("customers/data_request exports past their due date and not marked delivered")
                .register(registry);
    }

    /** Keeps the export of a request; a repeated delivery of the same request keeps the first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String shopDomain, long customerId, String webhookId, String exportJson, Instant receivedAt) {
        jdbc.sql("""
                insert into data_request (id, webhook_id, shop_domain, customer_id, received_at, due_at, export)
                values (?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (webhook_id) do nothing""")
                .params(
                        UUID.randomUUID(),
                        webhookId,
                        shopDomain,
                        customerId,
                        Timestamp.from(receivedAt),
                        Timestamp.from(receivedAt.plus(ANSWER_WITHIN)),
                        exportJson)
                .update();
    }

    List<DataRequest> list() {
        return jdbc.sql(SUMMARY + "order by (delivered_at is not null), due_at, id limit 1000")
                .query(DataRequests::summary)
                .list();
    }

    Optional<DataRequest> find(UUID id) {
        return jdbc.sql(SUMMARY + "where id = ?")
                .param(id)
                .query(DataRequests::summary)
                .optional();
    }

    Optional<String> export(UUID id) {
        return jdbc.sql("select export::text from data_request where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** @return false when there is no such request */
    @Transactional
    boolean markDelivered(UUID id) {
        return jdbc.sql("update data_request set delivered_at = coalesce(delivered_at, ?) where id = ?")
                        .params(Timestamp.from(clock.instant()), id)
                        .update()
                > 0;
    }

    long overdue() {
        return jdbc.sql("select count(*) from data_request where delivered_at is null and due_at < ?")
                .param(Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /** A scrape while the database is away reports no value rather than failing the whole scrape. */
    private double overdueOrNaN() {
        try {
            return overdue();
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ShopErased erased) {
        jdbc.sql("delete from data_request where shop_domain = ?")
                .param(erased.shopDomain())
                .update();
    }

    /** The export names the customer: an erased customer's requests go with it. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CustomerErased erased) {
        jdbc.sql("delete from data_request where shop_domain = ? and customer_id = ?")
                .params(erased.shopDomain(), erased.customerId())
                .update();
    }

    private static DataRequest summary(ResultSet rs, int row) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new DataRequest(
                rs.getObject("id", UUID.class),
                rs.getString("shop_domain"),
                rs.getLong("customer_id"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(),
                delivered == null ? null : delivered.toInstant());
    }

    /** A request without its export, as listed. */
    record DataRequest(
            UUID id,
            String shop,
            long customerId,
            Instant receivedAt,
            Instant dueAt,
            @Nullable Instant deliveredAt) {}
}
