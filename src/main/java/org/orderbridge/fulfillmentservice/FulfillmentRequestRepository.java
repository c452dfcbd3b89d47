package org.orderbridge.fulfillmentservice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code fulfillment_request} rows; callers hold the transaction. */
@Repository
class FulfillmentRequestRepository {

    private static final String COLUMNS =
            "id, shop, fulfillment_order_gid, order_gid, status, answer, merchant_message,"
                    + " reason, message, answered_by, answer_error, received_at, updated_at";

    private final JdbcClient jdbc;

    FulfillmentRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether the row was new; an existing one for the fulfillment order is left as it is */
    boolean insertIfAbsent(FulfillmentRequest request) {
        return jdbc.sql("insert into fulfillment_request (" + COLUMNS + ") values"
                                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (shop, fulfillment_order_gid) do nothing")
                        .params(java.util.Arrays.asList(
                                request.id(),
                                request.shop(),
                                request.fulfillmentOrderGid(),
                                request.orderGid(),
                                request.status().name(),
                                request.answer().name(),
                                request.merchantMessage(),
                                request.reason(),
                                request.message(),
                                request.answeredBy(),
                                request.answerError(),
                                Timestamp.from(request.receivedAt()),
                                Timestamp.from(request.updatedAt())))
                        .update()
                > 0;
    }

    void update(FulfillmentRequest request) {
        jdbc.sql("update fulfillment_request set status = ?, answer = ?, reason = ?, message = ?, answered_by = ?,"
                        + " answer_error = ?, updated_at = ? where id = ?")
                .params(java.util.Arrays.asList(
                        request.status().name(),
                        request.answer().name(),
                        request.reason(),
                        request.message(),
                        request.answeredBy(),
                        request.answerError(),
                        Timestamp.from(request.updatedAt()),
                        request.id()))
                .update();
    }

    void recordOrder(UUID id, String orderGid) {
        jdbc.sql("update fulfillment_request set order_gid = ? where id = ? and order_gid is null")
                .params(java.util.Arrays.asList(orderGid, id))
                .update();
    }

    /** Locks the row for the caller's transaction, so that two answers to one request are never both taken. */
    Optional<FulfillmentRequest> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from fulfillment_request where id = ? for update")
                .param(id)
                .query(FulfillmentRequestRepository::row)
                .optional();
    }

    Optional<FulfillmentRequest> lock(String shop, String fulfillmentOrderGid) {
        return jdbc.sql("select " + COLUMNS
                        + " from fulfillment_request where shop = ? and fulfillment_order_gid = ? for update")
                .params(java.util.Arrays.asList(shop, fulfillmentOrderGid))
                .query(FulfillmentRequestRepository::row)
                .optional();
    }

    Optional<FulfillmentRequest> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from fulfillment_request where id = ?")
                .param(id)
                .query(FulfillmentRequestRepository::row)
                .optional();
    }

    List<FulfillmentRequest> list(@Nullable String shop, @Nullable RequestStatus status, int limit) {
        return jdbc.sql("select " + COLUMNS + " from fulfillment_request"
                        + " where (cast(? as text) is null or shop = ?) and (cast(? as text) is null or status = ?)"
                        + " order by received_at desc, id limit ?")
                .params(java.util.Arrays.asList(
                        shop,
                        shop,
                        status == null ? null : status.name(),
                        status == null ? null : status.name(),
                        limit))
                .query(FulfillmentRequestRepository::row)
                .list();
    }

    List<FulfillmentRequest> ofOrder(String shop, String orderGid) {
        return jdbc.sql("select " + COLUMNS + " from fulfillment_request where shop = ? and order_gid = ?")
                .params(java.util.Arrays.asList(shop, orderGid))
                .query(FulfillmentRequestRepository::row)
                .list();
    }

    private static FulfillmentRequest row(ResultSet rs, int rowNum) throws SQLException {
        return new FulfillmentRequest(
                rs.getObject("id", UUID.class),
                rs.getString("shop"),
                rs.getString("fulfillment_order_gid"),
                rs.getString("order_gid"),
                RequestStatus.valueOf(rs.getString("status")),
                AnswerState.valueOf(rs.getString("answer")),
                rs.getString("merchant_message"),
                rs.getString("reason"),
                rs.getString("message"),
                rs.getString("answered_by"),
                rs.getString("answer_error"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
