package org.orderbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * Bodies reserve the budget as their bytes arrive: connections that announce a body (or send one chunked) and
 * then send slowly hold only what they sent, so they cannot turn away the webhooks that do arrive.
 */
@Tag("unit")
class WebhookBodyBudgetTest {

    private static final long LIMIT = DataSize.ofMegabytes(5).toBytes();

    private final AtomicLong now = new AtomicLong();
    private final WebhookBodyBudget budget = new WebhookBodyBudget(
            new WebhookProperties.InFlightBodies(
                    DataSize.ofKilobytes(64),
                    DataSize.ofMegabytes(16),
                    DataSize.ofMegabytes(48),
                    Duration.ofMillis(100),
                    Duration.ofSeconds(10)),
            now::get);

    @Test
    void slowChunkedAndDeclaredBodiesDoNotStarveWebhooksOfAnySize() throws Exception {
        var release = new CountDownLatch(1);
        var started = new CountDownLatch(100);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> slow = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                // Before: each chunked body reserved the whole 5 MB limit, each declared one its full length.
                slow.add(threads.submit(() -> readSlowly(new Trickle(release, started), -1)));
                slow.add(threads.submit(() -> readSlowly(new Trickle(release, started), 60_000)));
            }
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            for (int size : new int[] {200, 64 * 1024, 300 * 1024, 4 * 1024 * 1024, (int) LIMIT}) {
                byte[] sent = bytes(size);
                try (var body = budget.read(new ByteArrayInputStream(sent), size, LIMIT)) {
                    assertThat(body.bytes()).isEqualTo(sent);
                }
                try (var body = budget.read(new ByteArrayInputStream(sent), -1, LIMIT)) {
                    assertThat(body.bytes()).as("chunked %d bytes", size).isEqualTo(sent);
                }
            }
            release.countDown();
            for (Future<Integer> each : slow) {
                assertThat(each.get(10, TimeUnit.SECONDS)).isEqualTo(10);
            }
        }
        assertWholeBudgetFree();
    }

    @Test
    void aBodyStillArrivingAtItsDeadlineIsRefusedWith408AndGivesItsRoomBack() throws Exception {
        InputStream dripping = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                now.addAndGet(Duration.ofSeconds(1).toNanos());
                b[off] = 'x';
                return 1;
            }
        };
        assertThatThrownBy(() -> budget.read(dripping, 1000, LIMIT))
                .isInstanceOfSatisfying(WebhookRejection.class, rejection -> {
                    assertThat(rejection.getStatusCode()).isEqualTo(HttpStatus.REQUEST_TIMEOUT);
                    assertThat(rejection.reason()).isEqualTo("slow_body");
                });
        assertWholeBudgetFree();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413AndGivesItsRoomBack() throws Exception {
        assertThatThrownBy(() -> budget.read(new ByteArrayInputStream(bytes((int) LIMIT + 1)), -1, LIMIT))
                .isInstanceOfSatisfying(
                        WebhookRejection.class,
                        rejection -> assertThat(rejection.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
        assertWholeBudgetFree();
    }

    @Test
    void aBodyEndingBeforeItsDeclaredLengthIsReturnedShort() throws Exception {
        try (var body = budget.read(new ByteArrayInputStream(bytes(40_000)), 50_000, LIMIT)) {
            assertThat(body.bytes()).hasSize(40_000);
        }
        assertWholeBudgetFree();
    }

    @Test
    void whenTheBudgetIsFullABodyIsRefusedWith503() throws Exception {
        List<WebhookBodyBudget.Body> held = new ArrayList<>();
        try {
            // A body of several segments briefly holds twice its size, while it is copied into one array.
            for (int i = 0; i < 8; i++) {
                held.add(budget.read(new ByteArrayInputStream(bytes((int) LIMIT)), LIMIT, LIMIT));
            }
            assertThatThrownBy(() -> budget.read(new ByteArrayInputStream(bytes((int) LIMIT)), LIMIT, LIMIT))
                    .isInstanceOfSatisfying(
                            WebhookRejection.class,
                            rejection ->
                                    assertThat(rejection.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        } finally {
            held.forEach(WebhookBodyBudget.Body::close);
        }
        assertWholeBudgetFree();
    }

    private void assertWholeBudgetFree() {
        assertThat(budget.free()).isEqualTo(DataSize.ofMegabytes(64).toBytes());
    }

    private int readSlowly(InputStream in, long declared) throws Exception {
        try (var body = budget.read(in, declared, LIMIT)) {
            return body.bytes().length;
        }
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** A sender that sends ten bytes, then nothing until released, then ends. */
    private static final class Trickle extends InputStream {

        private final CountDownLatch release;
        private final CountDownLatch started;
        private boolean sent;

        Trickle(CountDownLatch release, CountDownLatch started) {
            this.release = release;
            this.started = started;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            if (!sent) {
                sent = true;
                int n = Math.min(10, len);
                java.util.Arrays.fill(b, off, off + n, (byte) '{');
                return n;
            }
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
            return -1;
        }
    }
}
