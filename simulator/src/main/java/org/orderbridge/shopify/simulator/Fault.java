package org.orderbridge.shopify.simulator;

import java.time.Duration;

/** Something the simulator does instead of (or on top of) answering a request normally. */
public sealed interface Fault {

    /** Answer with this status without executing; {@code retryAfter} may be null. */
    record Status(int status, Duration retryAfter) implements Fault {}

    /** Close the connection without executing and without answering. */
    record Reset() implements Fault {}

    /** Execute (an orderCreate commits), then close the connection without answering: the lost-response case. */
    record DropAfterCommit() implements Fault {}

    /** Execute, then answer only after this delay; longer than the client's read timeout it is "timeout after send". */
    record Delay(Duration delay) implements Fault {}

    /** Answer a mutation with this userError instead of executing it: a permanent refusal, charged like a success. */
    record UserError(String code, String message) implements Fault {}

    static Fault tooManyRequests(Duration retryAfter) {
        return new Status(429, retryAfter);
    }

    static Fault serverError(int status) {
        return new Status(status, null);
    }

    static Fault reset() {
        return new Reset();
    }

    static Fault dropAfterCommit() {
        return new DropAfterCommit();
    }

    static Fault delay(Duration delay) {
        return new Delay(delay);
    }

    static Fault userError(String message) {
        return new UserError("INVALID", message);
    }
}
