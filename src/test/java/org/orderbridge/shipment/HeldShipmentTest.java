package org.orderbridge.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HeldShipmentTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void waitsHeldWithShopifysReasonAndCountsAgainstWhatIsLeft() {
        Shipment shipment = shipment();

        shipment.hold("Waiting in Shopify: fulfillment order 1 is ON_HOLD: AWAITING_PAYMENT", NOW);

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.HELD);
        assertThat(shipment.holdReason()).contains("AWAITING_PAYMENT");
        assertThat(shipment.needsPush()).isTrue();
        assertThat(shipment.isActive()).isTrue();
        assertThat(shipment.awaitsCreate()).isTrue();
    }

    @Test
    void goesOnToFulfilledOrFailedAndForgetsTheHold() {
        Shipment fulfilled = shipment();
        fulfilled.hold("held", NOW);
        Shipment failed = shipment();
        failed.hold("held", NOW);

        fulfilled.markFulfilled(List.of(), NOW);
        failed.markFailed("closed meanwhile", List.of(), NOW);

        assertThat(fulfilled.status()).isEqualTo(ShipmentStatus.FULFILLED);
        assertThat(fulfilled.holdReason()).isNull();
        assertThat(failed.status()).isEqualTo(ShipmentStatus.FAILED);
        assertThat(failed.holdReason()).isNull();
    }

    @Test
    void canBeCancelledAndGivenNewTrackingWhileHeld() {
        Shipment shipment = shipment();
        shipment.hold("held", NOW);

        boolean tellShopify = shipment.changeTracking("DHL", List.of("NEW-1"), null, false, NOW);
        boolean cancelInShopify = shipment.requestCancel(NOW);

        assertThat(tellShopify).isFalse();
        assertThat(cancelInShopify).isFalse();
        assertThat(shipment.status()).isEqualTo(ShipmentStatus.CANCELLED);
    }

    @Test
    void onlyAHeldShipmentIsReleasedOrCheckedAgain() {
        Shipment pending = shipment();

        assertThatThrownBy(() -> pending.releaseRequested(NOW)).isInstanceOf(IllegalShipmentTransitionException.class);
        assertThatThrownBy(() -> pending.recheckRequested(NOW)).isInstanceOf(IllegalShipmentTransitionException.class);
        pending.hold("held", NOW);
        pending.releaseRequested(NOW.plusSeconds(1));
        assertThat(pending.lastError()).contains("Release requested");
        assertThat(pending.updatedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    private static Shipment shipment() {
        return Shipment.accept(
                UUID.randomUUID(),
                "shop.myshopify.com",
                "s-1",
                "hash",
                List.of(new ShipmentItem(1, "SKU-1", null, 1)),
                "UPS",
                List.of("1Z"),
                null,
                false,
                true,
                null,
                NOW);
    }
}
