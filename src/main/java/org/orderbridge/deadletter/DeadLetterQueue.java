package org.orderbridge.deadletter;

/**
 * A queue whose dead letters operators list and re-drive. Each feature that consumes a queue declares one as
 * a bean, so that its queue names are bound once, by the feature that owns them.
 *
 * @param name how the admin API names it ({@code ?queue=push})
 * @param queue the source queue that a re-drive sends messages back to
 * @param deadLetterQueue where SQS, or the service itself, moves messages that cannot succeed
 */
public record DeadLetterQueue(String name, String queue, String deadLetterQueue) {}
