package org.orderbridge.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderbridge.push.PushFixtures.ADMIN_KEY;
import static org.orderbridge.push.PushFixtures.WRITE_KEY;
import static org.orderbridge.reconcile.BackfillFixtures.WAIT;
import static org.orderbridge.reconcile.BackfillFixtures.awaitState;
import static org.orderbridge.reconcile.BackfillFixtures.backfill;
import static org.orderbridge.reconcile.BackfillFixtures.bulkOperationsStarted;
import static org.orderbridge.reconcile.BackfillFixtures.ordersOnlyInShopify;
import static org.orderbridge.reconcile.BackfillFixtures.requestBackfill;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.orderbridge.EndToEndFixtures;
import org.orderbridge.OrderBridgeTest;
import org.orderbridge.shopify.ShopifyBulkQueries;
import org.orderbridge.shopify.simulator.SimulatedOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Backfills from the admin API to stored orders, over the paginated query or a bulk operation. */
@OrderBridgeTest
class BackfillApiTest {

    private static final String PAGES_SHOP = "backfill-pages.myshopify.com";
    private static final String BULK_SHOP = "backfill-bulk.myshopify.com";
    private static final String RESUME_SHOP = "backfill-resume.myshopify.com";
    private static final String FAILED_SHOP = "backfill-failed.myshopify.com";

    @Autowired
    EndToEndFixtures e2e;

    @Autowired
    ShopifyBulkQueries bulk;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void releaseBulkOperations() {
        e2e.shopify().store().bulkOperations().release();
    }

    @Test
    void aShortRangeIsReadPageByPageAndEveryOrderStored() {
        List<SimulatedOrder> orders = ordersOnlyInShopify(e2e.shopify(), PAGES_SHOP, 25);

        ResponseEntity<JsonNode> accepted =
                requestBackfill(e2e, PAGES_SHOP, Instant.now().minus(1, ChronoUnit.HOURS));

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        assertThat(location).startsWith("/api/v1/admin/shops/" + PAGES_SHOP + "/backfill/");
        assertThat(accepted.getBody().path("method").asString()).isEqualTo("PAGINATED");
        JsonNode done = awaitState(e2e, location, "COMPLETED");
        assertThat(done.at("/orders/seen").asLong()).isEqualTo(25);
        assertThat(done.at("/orders/created").asLong()
                        + done.at("/orders/current").asLong())
                .as("created, or already current when a reconciliation pass came first")
                .isEqualTo(25);
        assertThat(storedShopifyIds(PAGES_SHOP)).containsExactlyInAnyOrderElementsOf(ids(orders));
        assertThat(bulkOperationsStarted(e2e.shopify(), PAGES_SHOP)).isZero();
    }

    @Test
    void aLongRangeGoesThroughABulkOperationWhoseProgressIsVisibleAndAllowsNoSecondBackfill() {
        List<SimulatedOrder> orders = ordersOnlyInShopify(e2e.shopify(), BULK_SHOP, 30);
        e2e.shopify().store().bulkOperations().hold();

        ResponseEntity<JsonNode> accepted =
                requestBackfill(e2e, BULK_SHOP, Instant.now().minus(Duration.ofDays(30)));

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody().path("method").asString()).isEqualTo("BULK");
        String location = accepted.getHeaders().getLocation().toString();
        await().atMost(WAIT)
                .until(() -> "RUNNING"
                        .equals(backfill(e2e, location)
                                .at("/bulkOperation/status")
                                .asString()));
        JsonNode running = backfill(e2e, location);
        assertThat(running.path("state").asString()).isEqualTo("RUNNING");
        assertThat(running.at("/bulkOperation/id").asString()).startsWith("gid://shopify/BulkOperation/");

        ResponseEntity<JsonNode> second = requestBackfill(e2e, BULK_SHOP, "2026-01-01");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(second.getBody().path("backfill").asString())
                .isEqualTo(accepted.getBody().path("id").asString());

        e2e.shopify().store().bulkOperations().release();
        JsonNode done = awaitState(e2e, location, "COMPLETED");
        assertThat(done.at("/bulkOperation/status").asString()).isEqualTo("COMPLETED");
        assertThat(done.at("/orders/created").asLong()).isEqualTo(30);
        assertThat(done.path("linesRead").asLong())
                .as("30 orders with one line item each")
                .isEqualTo(60);
        assertThat(storedShopifyIds(BULK_SHOP)).containsExactlyInAnyOrderElementsOf(ids(orders));
        assertThat(bulkOperationsStarted(e2e.shopify(), BULK_SHOP)).isOne();

        ResponseEntity<JsonNode> again =
                requestBackfill(e2e, BULK_SHOP, Instant.now().minus(Duration.ofDays(30)));
        JsonNode repeated = awaitState(e2e, again.getHeaders().getLocation().toString(), "COMPLETED");
        assertThat(repeated.at("/orders/current").asLong())
                .as("nothing changed since")
                .isEqualTo(30);
        assertThat(repeated.at("/orders/created").asLong()).isZero();
        assertThat(storedShopifyIds(BULK_SHOP)).hasSize(30);
    }

    @Test
    void aBackfillTakenOverFromADeadInstanceResumesAtItsCheckpointWithTheSameBulkOperation() throws Exception {
        ordersOnlyInShopify(e2e.shopify(), RESUME_SHOP, 12);
        Instant since = Instant.now().minus(Duration.ofDays(10));
        Instant until = Instant.now();
        String operationId = bulk.start(RESUME_SHOP, BulkOrderQuery.updatedBetween(since, until));
        await().atMost(WAIT)
                .until(() -> bulk.find(RESUME_SHOP, operationId).status().finished());
        List<String> fileOrder = rootIds(bulk.find(RESUME_SHOP, operationId));
        UUID id = UUID.randomUUID();
        // As a crashed instance left it: five orders (two lines each) applied and committed, its lease run out.
        e2e.jdbc()
                .update(
                        "insert into backfill (id, shop_domain, since, until, method, state, bulk_operation_id, bulk_status,"
                                + " lines_processed, orders_seen, orders_created, requested_at, started_at, lease_owner,"
                                + " lease_until) values (?, ?, ?, ?, 'BULK', 'RUNNING', ?, 'COMPLETED', 10, 5, 5, now(), now(),"
                                + " ?, now() - interval '1 second')",
                        id,
                        RESUME_SHOP,
                        Timestamp.from(since),
                        Timestamp.from(until),
                        operationId,
                        UUID.randomUUID());

        JsonNode done = awaitState(e2e, "/api/v1/admin/shops/" + RESUME_SHOP + "/backfill/" + id, "COMPLETED");

        assertThat(bulkOperationsStarted(e2e.shopify(), RESUME_SHOP))
                .as("no second bulk operation")
                .isOne();
        assertThat(done.at("/orders/seen").asLong())
                .as("five from before the checkpoint, and only the seven after it read")
                .isEqualTo(12);
        assertThat(done.path("linesRead").asLong()).isEqualTo(24);
        assertThat(storedGids(RESUME_SHOP))
                .as("the orders after the checkpoint, not those before it, were read")
                .containsExactlyInAnyOrderElementsOf(fileOrder.subList(5, 12));
    }

    @Test
    void aBulkOperationThatFailsFailsTheBackfillAndFreesTheShop() {
        ordersOnlyInShopify(e2e.shopify(), FAILED_SHOP, 3);
        e2e.shopify().store().bulkOperations().failNext("INTERNAL_SERVER_ERROR");

        ResponseEntity<JsonNode> accepted =
                requestBackfill(e2e, FAILED_SHOP, Instant.now().minus(Duration.ofDays(5)));
        JsonNode failed = awaitState(e2e, accepted.getHeaders().getLocation().toString(), "FAILED");

        assertThat(failed.path("failureReason").asString()).contains("FAILED (INTERNAL_SERVER_ERROR)");
        assertThat(failed.path("finishedAt").isNull()).isFalse();
        ResponseEntity<JsonNode> retried =
                requestBackfill(e2e, FAILED_SHOP, Instant.now().minus(Duration.ofDays(5)));
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitState(e2e, retried.getHeaders().getLocation().toString(), "COMPLETED");
        assertThat(storedShopifyIds(FAILED_SHOP)).hasSize(3);
        JsonNode latest = backfill(e2e, "/api/v1/admin/shops/" + FAILED_SHOP + "/backfill");
        assertThat(latest.path("id").asString())
                .isEqualTo(retried.getBody().path("id").asString());
    }

    @Test
    void aSinceThatIsNotATimestampOrADateIsABadRequest() {
        assertProblem(requestBackfill(e2e, PAGES_SHOP, "yesterday"), HttpStatus.BAD_REQUEST, "ISO-8601");
    }

    @Test
    void aSinceInTheFutureIsABadRequest() {
        assertProblem(
                requestBackfill(e2e, PAGES_SHOP, Instant.now().plus(Duration.ofDays(1))),
                HttpStatus.BAD_REQUEST,
                "must be in the past");
    }

    @Test
    void aMissingSinceIsABadRequest() {
        ResponseEntity<JsonNode> response =
                e2e.call(HttpMethod.POST, "/api/v1/admin/shops/" + PAGES_SHOP + "/backfill", ADMIN_KEY);

        assertProblem(response, HttpStatus.BAD_REQUEST, "since");
    }

    @Test
    void aShopOrderBridgeIsNotConnectedToIsNotFound() {
        assertProblem(
                requestBackfill(e2e, "stranger.myshopify.com", "2026-01-01"), HttpStatus.NOT_FOUND, "not connected");
    }

    @Test
    void aPathThatIsNotAShopDomainIsABadRequest() {
        assertProblem(requestBackfill(e2e, "not-a-shop.example.com", "2026-01-01"), HttpStatus.BAD_REQUEST, null);
    }

    @Test
    void anUnknownBackfillIsNotFound() {
        ResponseEntity<JsonNode> response = e2e.call(
                HttpMethod.GET, "/api/v1/admin/shops/" + PAGES_SHOP + "/backfill/" + UUID.randomUUID(), ADMIN_KEY);

        assertProblem(response, HttpStatus.NOT_FOUND, "No backfill");
    }

    @Test
    void onlyAnAdminKeyMayAskForABackfill() {
        ResponseEntity<JsonNode> response = e2e.call(
                HttpMethod.POST, "/api/v1/admin/shops/" + PAGES_SHOP + "/backfill?since=2026-01-01", WRITE_KEY);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
        if (detail != null) {
            assertThat(response.getBody().path("detail").asString()).contains(detail);
        }
    }

    private List<String> rootIds(ShopifyBulkQueries.BulkOperation operation) throws Exception {
        try (var reader =
                new BufferedReader(new InputStreamReader(bulk.openResult(operation.url()), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(json::readTree)
                    .filter(line -> !line.has("__parentId"))
                    .map(line -> line.path("id").asString())
                    .toList();
        }
    }

    private Set<Long> storedShopifyIds(String shop) {
        return Set.copyOf(e2e.jdbc()
                .queryForList("select shopify_order_id from shop_order where shop_domain = ?", Long.class, shop));
    }

    private Set<String> storedGids(String shop) {
        return storedShopifyIds(shop).stream()
                .map(id -> "gid://shopify/Order/" + id)
                .collect(Collectors.toSet());
    }

    private static List<Long> ids(List<SimulatedOrder> orders) {
        return orders.stream().map(SimulatedOrder::legacyId).toList();
    }
}
