package org.orderbridge.push;

import java.sql.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.orderbridge.platform.MessageTracing;
import org.orderbridge.platform.QueueUrls;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * One pass of the outbox relay: claims a batch of rows with {@code FOR UPDATE SKIP LOCKED} (so instances
 * running side by side take disjoint batches), sends them to the push queue, and deletes the rows SQS
 * accepted, all in one transaction. A crash after the send but before the commit sends a row twice; the
 * worker is idempotent, so at-least-once is enough. Holds no state between passes: a new relay picks up
 * whatever an earlier one, or an earlier process, left behind.
 */
class OutboxRelay {

    private static final int SQS_BATCH = 10;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SqsAsyncClient sqs;
    private final QueueUrls queueUrls;
    private final String queue;
    private final int batchSize;
    private final Duration sendTimeout;
    private final MessageTracing tracing;

    OutboxRelay(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            SqsAsyncClient sqs,
            QueueUrls queueUrls,
            PushProperties properties,
            MessageTracing tracing) {
        this.jdbc = jdbc;
        this.tracing = tracing;
        this.transactions = new TransactionTemplate(transactionManager);
        // Rows stay locked while SQS answers; bound that, so a hung SQS cannot hold them for long.
        this.transactions.setTimeout(
                (int) Math.max(5, properties.relay().sendTimeout().toSeconds() * 2));
        this.sqs = sqs;
        this.queueUrls = queueUrls;
        this.queue = properties.queue();
        this.batchSize = properties.relay().batchSize();
        this.sendTimeout = properties.relay().sendTimeout();
    }

    /**
     * @return how many rows were sent and deleted
     * @throws RuntimeException when nothing could be sent (SQS down) or the database failed; the rows stay
     */
    int relayBatch() {
        return transactions.execute(status -> {
            // Rows of the earlier release, written before or while a deploy rolls, name their order in order_id.
            List<Row> rows = jdbc.query(
                    "select id, kind, coalesce(subject_id, order_id) as subject, traceparent from push_outbox order by id"
                            + " limit ? for update skip locked",
                    (rs, n) -> new Row(
                            rs.getLong("id"),
                            rs.getString("kind"),
                            rs.getObject("subject", UUID.class),
                            rs.getString("traceparent")),
                    batchSize);
            if (rows.isEmpty()) {
                return 0;
            }
            List<Long> sent = send(rows);
            if (!sent.isEmpty()) {
                jdbc.update(connection -> {
                    var statement = connection.prepareStatement("delete from push_outbox where id = any(?)");
                    Array ids = connection.createArrayOf("bigint", sent.toArray());
                    statement.setArray(1, ids);
                    return statement;
                });
            }
            if (sent.isEmpty()) {
                throw new RelayFailedException("SQS accepted none of " + rows.size() + " push requests");
            }
            return sent.size();
        });
    }

    /** Rows left in the outbox and the age of the oldest, for the backlog gauges. */
    Backlog backlog() {
        return jdbc.queryForObject(
                "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) from push_outbox",
                (rs, n) -> new Backlog(rs.getLong(1), rs.getDouble(2)));
    }

    private List<Long> send(List<Row> rows) {
        String url;
        try {
            url = queueUrls.urlOf(queue, sendTimeout);
        } catch (Exception e) {
            throw new RelayFailedException("push queue unavailable: " + e, e);
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        var sent = new ArrayList<Long>();
        for (int from = 0; from < rows.size(); from += SQS_BATCH) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + SQS_BATCH));
            // Each row's send is a span of the trace that asked for the push; the listener continues it.
            var sends = new HashMap<String, MessageTracing.StoredSend>();
            List<SendMessageBatchRequestEntry> entries = chunk.stream()
                    .map(row -> {
                        var send = tracing.continueStored(row.traceparent(), queue);
                        sends.put(String.valueOf(row.id()), send);
                        return SendMessageBatchRequestEntry.builder()
                                .id(String.valueOf(row.id()))
                                .messageBody(PushMessages.body(row.kind(), row.subjectId()))
                                .messageAttributes(send.attributes())
                                .build();
                    })
                    .toList();
            SendMessageBatchResponse response;
            try {
                response = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries))
                        .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sends.values().forEach(send -> send.end("interrupted"));
                break;
            } catch (Exception e) {
                sends.values().forEach(send -> send.end("SQS did not accept the batch: " + e));
                if (sent.isEmpty()) {
                    throw new RelayFailedException("SQS did not accept push requests: " + e, e);
                }
                // What was sent already is deleted; the rest waits for the next pass.
                break;
            }
            response.successful().forEach(ok -> sent.add(Long.parseLong(ok.id())));
            response.failed().forEach(failed -> {
                var send = sends.remove(failed.id());
                if (send != null) {
                    send.end(failed.code() + ": " + failed.message());
                }
            });
            sends.values().forEach(send -> send.end(null));
        }
        return sent;
    }

    private record Row(
            long id, String kind, UUID subjectId, @Nullable String traceparent) {}

    record Backlog(long rows, double oldestAgeSeconds) {}

    static class RelayFailedException extends RuntimeException {

        RelayFailedException(String message) {
            super(message);
        }

        RelayFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
