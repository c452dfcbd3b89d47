package org.orderbridge.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Bounds the bytes that webhook bodies hold in memory before their signature is known, so that unsigned floods
 * cannot exhaust the heap. A body is read in segments and each segment is reserved just before it is allocated:
 * a connection that sends slowly holds only what it has sent, not what it announced (or, when chunked, the
 * whole body limit), so slow senders cannot starve the others. Small bodies (most real webhooks) have a share of
 * their own, so a flood of large bodies cannot starve them. A body that finds no room is answered 503 with
 * {@code Retry-After}, and one still arriving at its read deadline 408; Shopify retries both.
 */
@Component
class WebhookBodyBudget {

    /** Large enough that a typical webhook is one read into one array, small enough to hold little when slow. */
    static final int SEGMENT = 16 * 1024;

    private final Semaphore small;
    private final Semaphore large;
    private final long smallBodyLimit;
    private final long wait;
    private final long readDeadline;
    private final LongSupplier nanoTime;

    @Autowired
    WebhookBodyBudget(WebhookProperties properties) {
        this(properties.inFlightBodies(), System::nanoTime);
    }

    WebhookBodyBudget(WebhookProperties.InFlightBodies budget, LongSupplier nanoTime) {
        this.small = new Semaphore(Math.toIntExact(budget.smallBodies().toBytes()));
        this.large = new Semaphore(Math.toIntExact(budget.largeBodies().toBytes()));
        this.smallBodyLimit = budget.smallBodyLimit().toBytes();
        this.wait = budget.maxWait().toNanos();
        this.readDeadline = budget.readDeadline().toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Reads a body whose bytes stay reserved until the returned body is closed. A declared length is read up to that
     * length (shorter only when the stream ends early: its signature then does not match); a chunked body is read
     * up to the limit.
     *
     * @param declared the Content-Length, or -1 when chunked
     * @throws WebhookRejection 503 when the budget stays exhausted for the configured wait, 408 when the body is
     *     still arriving at its deadline, 413 when a chunked body exceeds the limit
     */
    Body read(InputStream in, long declared, long limit) throws IOException, InterruptedException {
        long started = nanoTime.getAsLong();
        long expected = declared >= 0 ? declared : limit + 1;
        var reservation = new Reservation(declared >= 0 && declared <= smallBodyLimit);
        try {
            List<byte[]> segments = new ArrayList<>();
            long total = 0;
            while (total < expected) {
                int size = (int) Math.min(SEGMENT, expected - total);
                reservation.grow(size);
                byte[] segment = new byte[size];
                int filled = fill(in, segment, started);
                total += filled;
                if (filled < segment.length) {
                    segments.add(Arrays.copyOf(segment, filled));
                    break;
                }
                segments.add(segment);
            }
            if (declared < 0 && total > limit) {
                throw WebhookRejection.tooLarge(limit);
            }
            return new Body(join(segments, (int) total, reservation), reservation);
        } catch (IOException | InterruptedException | RuntimeException e) {
            reservation.close();
            throw e;
        }
    }

    private int fill(InputStream in, byte[] segment, long started) throws IOException {
        int filled = 0;
        while (filled < segment.length) {
            if (nanoTime.getAsLong() - started > readDeadline) {
                throw WebhookRejection.slowBody();
            }
            int read = in.read(segment, filled, segment.length - filled);
            if (read < 0) {
                break;
            }
            filled += read;
        }
        return filled;
    }

    /** One segment is the body itself; several are copied once into an array of the body's size. */
    private byte[] join(List<byte[]> segments, int total, Reservation reservation) throws InterruptedException {
        if (segments.size() == 1) {
            return segments.getFirst();
        }
        if (segments.isEmpty()) {
            return new byte[0];
        }
        // For the moment both the segments and their copy are live.
        Semaphore copy = reservation.grow(total);
        byte[] body = new byte[total];
        int at = 0;
        for (byte[] segment : segments) {
            System.arraycopy(segment, 0, body, at, segment.length);
            at += segment.length;
        }
        reservation.shrink(copy, total);
        return body;
    }

    /** Bytes no body holds, in both shares. */
    long free() {
        return (long) small.availablePermits() + large.availablePermits();
    }

    /** The bytes a body holds; the first {@code smallBodyLimit} of a chunked body count as small. */
    final class Reservation implements AutoCloseable {

        private final boolean declaredSmall;
        private long fromSmall;
        private long fromLarge;

        private Reservation(boolean declaredSmall) {
            this.declaredSmall = declaredSmall;
        }

        private Semaphore grow(int bytes) throws InterruptedException {
            boolean toSmall = declaredSmall || fromSmall + fromLarge + bytes <= smallBodyLimit && fromLarge == 0;
            Semaphore pool = toSmall ? small : large;
            if (!pool.tryAcquire(bytes, wait, TimeUnit.NANOSECONDS)) {
                throw WebhookRejection.busy();
            }
            if (toSmall) {
                fromSmall += bytes;
            } else {
                fromLarge += bytes;
            }
            return pool;
        }

        private void shrink(Semaphore pool, int bytes) {
            if (pool == small) {
                fromSmall -= bytes;
            } else {
                fromLarge -= bytes;
            }
            pool.release(bytes);
        }

        @Override
        public void close() {
            small.release(Math.toIntExact(fromSmall));
            large.release(Math.toIntExact(fromLarge));
            fromSmall = 0;
            fromLarge = 0;
        }
    }

    /** A received body and the room it holds in the budget until closed. */
    record Body(byte[] bytes, Reservation reservation) implements AutoCloseable {
        @Override
        public void close() {
            reservation.close();
        }
    }
}
