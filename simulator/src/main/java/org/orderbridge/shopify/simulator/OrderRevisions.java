package org.orderbridge.shopify.simulator;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What changed on orders after their creation (note, tags, financial status), each change with a later
 * {@code updatedAt}. An order without a revision is as it was created, updated at its creation time.
 */
public final class OrderRevisions {

    /** One state of an order; {@code financialStatus} in the webhooks' lower-case spelling. */
    public record Revision(
            OffsetDateTime updatedAt,
            String note,
            List<String> tags,
            String financialStatus,
            OffsetDateTime cancelledAt,
            String cancelReason) {

        public Revision {
            tags = List.copyOf(tags);
        }

        /** A state of an order that is not cancelled. */
        public Revision(OffsetDateTime updatedAt, String note, List<String> tags, String financialStatus) {
            this(updatedAt, note, tags, financialStatus, null, null);
        }
    }

    private final Map<String, Revision> latest = new ConcurrentHashMap<>();

    /** The order's current state. */
    @SuppressWarnings("unchecked")
    public Revision current(SimulatedOrder order) {
        Revision revision = latest.get(order.gid());
        if (revision != null) {
            return revision;
        }
        Object note = order.input().get("note");
        return new Revision(
                order.createdAt(),
                note == null ? null : note.toString(),
                (List<String>) order.input().getOrDefault("tags", List.of()),
                order.totals().financialStatus().toLowerCase(Locale.ROOT));
    }

    /**
     * Changes the order: its {@code updatedAt} moves to now, and always past the previous one (as Shopify's does, at
     * least by a microsecond here), so that every change is newer than the one before.
     */
    public Revision update(SimulatedOrder order, String note, List<String> tags, String financialStatus) {
        return latest.compute(order.gid(), (gid, previous) -> {
            OffsetDateTime before = previous == null ? order.createdAt() : previous.updatedAt();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            OffsetDateTime updatedAt = now.isAfter(before) ? now : before.plus(1, ChronoUnit.MICROS);
            return previous == null
                    ? new Revision(updatedAt, note, tags, financialStatus)
                    : new Revision(
                            updatedAt, note, tags, financialStatus, previous.cancelledAt(), previous.cancelReason());
        });
    }

    /**
     * Cancels the order: it is cancelled as of now, which is also its new {@code updatedAt}.
     *
     * @param reason a value of {@code OrderCancelReason}
     */
    public Revision cancel(SimulatedOrder order, String reason) {
        Revision before = current(order);
        Revision moved = update(order, before.note(), before.tags(), before.financialStatus());
        return latest.compute(
                order.gid(),
                (gid, previous) -> new Revision(
                        moved.updatedAt(),
                        moved.note(),
                        moved.tags(),
                        moved.financialStatus(),
                        moved.updatedAt(),
                        reason));
    }
}
