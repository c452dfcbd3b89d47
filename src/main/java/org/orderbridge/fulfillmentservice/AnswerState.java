package org.orderbridge.fulfillmentservice;

/** Our answer to Shopify: none due, due (queued to be sent once), sent, or refused by Shopify. */
public enum AnswerState {
    NONE,
    PENDING,
    SENT,
    REFUSED
}
