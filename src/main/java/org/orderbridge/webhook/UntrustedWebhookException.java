package org.orderbridge.webhook;

/**
 * A signed body whose headers claim something the body or Shopify itself contradicts: a replay under another
 * shop or topic. It is never applied; it goes to the dead-letter queue with the reason, for review.
 */
class UntrustedWebhookException extends UnprocessableWebhookException {

    UntrustedWebhookException(String reason) {
        super(reason);
    }
}
