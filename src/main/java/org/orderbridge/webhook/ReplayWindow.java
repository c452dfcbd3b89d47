package org.orderbridge.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Tells a delivery Shopify may still send from a replay of an old one. Shopify stops retrying 4 hours after the
 * event (https://shopify.dev/changelog/updates-to-webhook-retry-mechanism, which names {@code X-Shopify-Triggered-At}
 * as the staleness test), so a delivery triggered before the window is not Shopify's, or no longer wanted.
 *
 * <p>The header is not signed (the HMAC covers only the body): this stops a captured delivery re-sent as it was
 * captured, not one whose sender rewrote the header. A delivery without the header, or with one that is not a
 * timestamp, is accepted and counted: Shopify sends it on every delivery, so a rising count means someone else is
 * sending. What a rewritten header would let through is held by the checks behind it: an order snapshot older than the
 * stored one is stale, and shop/redact erases only once Shopify refuses the app's token.
 */
final class ReplayWindow {

    enum Verdict {
        FRESH,
        STALE,
        UNCHECKED
    }

    private final Duration window;
    private final Clock clock;

    ReplayWindow(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    Verdict judge(@Nullable String triggeredAt) {
        return parse(triggeredAt)
                .map(at -> at.isBefore(clock.instant().minus(window)) ? Verdict.STALE : Verdict.FRESH)
                .orElse(Verdict.UNCHECKED);
    }

    static Optional<Instant> parse(@Nullable String triggeredAt) {
        if (triggeredAt == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(triggeredAt).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
