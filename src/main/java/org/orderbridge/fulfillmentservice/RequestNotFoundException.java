package org.orderbridge.fulfillmentservice;

import java.util.UUID;

/** No fulfillment request of this id: 404. */
public class RequestNotFoundException extends RuntimeException {

    RequestNotFoundException(UUID id) {
        super("No fulfillment request " + id);
    }
}
