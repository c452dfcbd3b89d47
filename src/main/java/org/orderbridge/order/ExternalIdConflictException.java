package org.orderbridge.order;

/** The caller reused an external id for an order with different content; the API answers 409. */
class ExternalIdConflictException extends RuntimeException {

    private final OrderId existing;

    ExternalIdConflictException(String shop, String externalId, OrderId existing) {
        super("Shop " + shop + " already has an order with externalId '" + externalId
                + "' and different content; use a new externalId for a new order");
        this.existing = existing;
    }

    OrderId existing() {
        return existing;
    }
}
