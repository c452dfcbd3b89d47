package org.orderbridge.webhook;

/** A queued delivery that no number of retries can process; it goes to the dead-letter queue at once. */
class UnprocessableWebhookException extends RuntimeException {

    UnprocessableWebhookException(String reason) {
        super(reason);
    }
}
