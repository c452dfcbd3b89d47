package org.orderbridge.fulfillmentservice;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
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
        return Health.up().withDetail("shops", registrations.states()).build();
    }
}
