package org.orderbridge.push;

import java.time.Duration;

/**
 * The time one push has, for the handlers that bound their work by it.
 *
 * @param deadline how long one push may take from its message's receipt ({@code orderbridge.push.deadline})
 * @param visibilityTimeout how long a received message stays hidden from other workers: a lease taken for a push lasts
 *     as long, so that a crashed worker's lease runs out about when its message comes back
 */
public record PushTiming(Duration deadline, Duration visibilityTimeout) {}
