package org.orderbridge.webhook;

import java.util.Objects;

/** A queued delivery that no number of retries can process; it goes to the dead-letter queue at once. */
class UnprocessableWebhookException extends RuntimeException {

    UnprocessableWebhookException(String reason) {
        super(reason);
    }

    /** Never null: every constructor takes the message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
