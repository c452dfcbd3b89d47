package org.orderbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.platform.DevServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL that answers, but slowly: another session holds an ACCESS EXCLUSIVE lock on shop_order, so every
 * statement on it waits, and API reads pile up until the pool is exhausted. The acknowledgement path does
 * not touch the database and must stay fast; health must answer within the ALB's patience.
 */
@OrderBridgeTest
class SlowDatabaseTest {

    private static final String SHOP = "slow-db.myshopify.com";
    private static final Duration LOCK_HELD = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    @LocalServerPort
    int port;

    @Autowired
    DevServers servers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private HikariDataSource pool;

    @BeforeEach
    void watchPool() throws SQLException {
        pool = dataSource.unwrap(HikariDataSource.class);
    }

    @Test
    void acknowledgesWebhooksFastAndAnswersHealthInTimeWhileOrdersAreLocked() throws Exception {
        var locked = new CountDownLatch(1);
        var lock = CompletableFuture.runAsync(() -> holdLock(locked));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        List<Long> ids = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> reads = new ArrayList<>();
        try {
            // More readers than the pool has connections (20): they block on the lock and starve the pool.
            for (int i = 0; i < 30; i++) {
                reads.add(HTTP.sendAsync(api("/api/v1/orders?limit=1"), HttpResponse.BodyHandlers.ofString()));
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> pool.getHikariPoolMXBean().getThreadsAwaitingConnection() > 0);

            List<Duration> acks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long id = 7_200_000_000L + (System.nanoTime() & 0xFFFFFFL);
                ids.add(id);
                byte[] body = HostileWebhookCases.shopifyOrder(id);
                long started = System.nanoTime();
                var response = RawHttp.exchange(
                        port,
                        HostileWebhookCases.webhookRequest(
                                        "orders/create", SHOP, UUID.randomUUID().toString(), body)
                                .header("X-Shopify-Hmac-Sha256", HostileWebhookCases.sign(body))
                                .bytes(),
                        false);
                acks.add(Duration.ofNanos(System.nanoTime() - started));
                assertThat(response.status()).isEqualTo(200);
            }

            long started = System.nanoTime();
            var health = HTTP.send(
                    HttpRequest.newBuilder(uri("/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long healthMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            acks.sort(null);
            Duration medianAck = acks.get(acks.size() / 2);
            Duration slowestAck = acks.getLast();
            System.out.printf(
                    "slow database: webhook acknowledgement median %d ms, slowest %d ms; /actuator/health %d in %d ms%n",
                    medianAck.toMillis(), slowestAck.toMillis(), health.statusCode(), healthMillis);

            // The pool is exhausted for as long as the lock is held: an acknowledgement that needed a connection
            // would have waited the pool's whole connection timeout, however idle or busy the machine.
            assertThat(slowestAck).isLessThan(Duration.ofMillis(pool.getConnectionTimeout()));
            assertThat(medianAck).isLessThan(Duration.ofSeconds(1));
            assertThat(healthMillis).isLessThan(5000);
            // The pool is exhausted, so the database check misses its 2 s deadline: out of service, not hung.
            assertThat(health.statusCode()).isEqualTo(503);
        } finally {
            lock.get(30, TimeUnit.SECONDS);
        }

        // Readers either waited out the lock or were told to retry; none saw a 500.
        for (var read : reads) {
            assertThat(read.get(40, TimeUnit.SECONDS).statusCode()).isIn(200, 503);
        }
        System.out.printf(
                "slow database: API reads during the lock: %d answered 200, %d answered 503%n",
                reads.stream().filter(r -> r.join().statusCode() == 200).count(),
                reads.stream().filter(r -> r.join().statusCode() == 503).count());
        await().atMost(Duration.ofSeconds(15))
                .until(() -> HTTP.send(
                                        HttpRequest.newBuilder(uri("/actuator/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql(
                                        "select count(*) from shop_order where shop_domain = :shop and shopify_order_id in (:ids)")
                                .param("shop", SHOP)
                                .param("ids", ids)
                                .query(Long.class)
                                .single()
                        == ids.size());
    }

    /** From a session of its own, outside the application's pool and its fault proxy. */
    private void holdLock(CountDownLatch locked) {
        try (Connection connection = servers.openDirectConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("lock table shop_order in access exclusive mode");
                locked.countDown();
                statement.execute("select pg_sleep(" + LOCK_HELD.toSeconds() + ")");
            }
            connection.rollback();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest api(String path) {
        return HttpRequest.newBuilder(uri(path))
                .header("X-API-Key", HostileInputFixtures.READ_KEY)
                .timeout(Duration.ofSeconds(40))
                .build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
