package org.orderbridge.fulfillmentservice;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Always up: a shop whose service is not registered is that shop's problem, not a reason to take the instance out of
 * service. The details name each fulfillment-service shop's service and location, or its last failure.
 */
@Component("fulfillmentService")
class FulfillmentServiceHealth implements HealthIndicator {

    private final FulfillmentServiceRegistrations registrations;

    FulfillmentServiceHealth(FulfillmentServiceRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetail("shops", registrations.states()).build();
        } catch (DataAccessException e) {
            // The database's own indicator takes the instance out of service; this one only loses its details.
            return Health.up()
                    .withDetail("shops", "unknown: the database did not answer")
                    .build();
        }
    }
}
