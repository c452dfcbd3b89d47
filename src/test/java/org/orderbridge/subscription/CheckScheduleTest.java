package org.orderbridge.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One check per shop at a time across instances, each instance a CheckSchedule of its own on one database. */
@SubscriptionModuleTest
class CheckScheduleTest {

    private static final String TARGET = "https://orders.example.com/webhooks/shopify";
    private static final String NEW_TARGET = "https://new-host.example.com/webhooks/shopify";
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Autowired
    JdbcClient jdbc;

    @Test
    void instancesRacingForADueShopCheckItOnce() throws Exception {
        String shop = shop();
        var start = new CountDownLatch(1);
        try (var instances = Executors.newFixedThreadPool(4)) {
            List<Future<List<String>>> claims = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> instances.submit(() -> {
                        start.await();
                        return claimDue(new CheckSchedule(jdbc), shop, TARGET, LEASE);
                    }))
                    .toList();
            start.countDown();
            long winners = 0;
            for (Future<List<String>> claim : claims) {
                winners += claim.get().size();
            }
            assertThat(winners).isOne();
        }
    }

    @Test
    void aCheckedShopIsNotDueAgainBeforeTheInterval() {
        String shop = shop();
        var instanceA = new CheckSchedule(jdbc);
        var instanceB = new CheckSchedule(jdbc);
        assertThat(claimDue(instanceA, shop, TARGET, LEASE)).containsExactly(shop);

        instanceA.checked(shop, 0, Duration.ofHours(1));

        assertThat(claimDue(instanceB, shop, TARGET, LEASE)).isEmpty();
        assertThat(claimDue(instanceA, shop, TARGET, LEASE)).isEmpty();
    }

    @Test
    void aCheckWhoseInstanceDiedIsTakenOverWhenItsLeaseRunsOut() {
        String shop = shop();
        assertThat(claimDue(new CheckSchedule(jdbc), shop, TARGET, Duration.ofMillis(300)))
                .containsExactly(shop);
        var survivor = new CheckSchedule(jdbc);

        assertThat(claimDue(survivor, shop, TARGET, LEASE)).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> claimDue(survivor, shop, TARGET, LEASE).equals(List.of(shop)));
    }

    @Test
    void anInstanceStartingWithANewTargetChecksEveryShopAtOnce() {
        String shop = shop();
        var oldInstance = new CheckSchedule(jdbc);
        claimDue(oldInstance, shop, TARGET, LEASE);
        oldInstance.checked(shop, 0, Duration.ofHours(1));
        var newInstance = new CheckSchedule(jdbc);

        assertThat(claimDue(newInstance, shop, NEW_TARGET, LEASE, true)).containsExactly(shop);
    }

    @Test
    void anOldInstanceStillRunningDoesNotTakeTheShopBack() {
        String shop = shop();
        var newInstance = new CheckSchedule(jdbc);
        claimDue(newInstance, shop, NEW_TARGET, LEASE, true);
        newInstance.checked(shop, 0, Duration.ofHours(1));

        assertThat(claimDue(new CheckSchedule(jdbc), shop, TARGET, LEASE)).isEmpty();
    }

    @Test
    void aNewTargetWaitsForACheckInProgress() {
        String shop = shop();
        claimDue(new CheckSchedule(jdbc), shop, TARGET, LEASE);

        assertThat(claimDue(new CheckSchedule(jdbc), shop, NEW_TARGET, LEASE, true))
                .isEmpty();
    }

    @Test
    void aFailedCheckIsDueAgainAfterTheRetryWait() {
        String shop = shop();
        var schedule = new CheckSchedule(jdbc);
        claimDue(schedule, shop, TARGET, LEASE);

        schedule.failed(shop, "Shopify unavailable", Duration.ofMillis(300));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> claimDue(schedule, shop, TARGET, LEASE).equals(List.of(shop)));
    }

    /** What an instance's look does: the shop when it is due and this instance claimed it. */
    @Test
    void aForgottenShopLeavesNoRow() {
        String shop = shop();
        var schedule = new CheckSchedule(jdbc);
        claimDue(schedule, shop, TARGET, LEASE);

        schedule.forget(shop);

        assertThat(jdbc.sql("select count(*) from webhook_subscription_check where shop_key = ?")
                        .param(CheckSchedule.key(shop))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static List<String> claimDue(CheckSchedule schedule, String shop, String target, Duration lease) {
        return claimDue(schedule, shop, target, lease, false);
    }

    private static List<String> claimDue(
            CheckSchedule schedule, String shop, String target, Duration lease, boolean startingUp) {
        return schedule.candidates(List.of(shop), target, startingUp).stream()
                .filter(candidate -> schedule.claim(candidate, target, lease, startingUp))
                .toList();
    }

    /** A shop no access token names, so the service's own schedule leaves it alone. */
    private static String shop() {
        return "schedule-" + UUID.randomUUID() + ".myshopify.com";
    }
}
