package org.orderbridge.fulfillmentservice;

import java.time.Duration;
import org.orderbridge.shopify.FulfillmentServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Registration checks (at start, then every registration-interval) and catch-up reads (every catch-up-interval). */
@Component
class FulfillmentServiceSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(FulfillmentServiceSchedule.class);

    private final FulfillmentServiceProperties properties;
    private final FulfillmentServiceRegistrations registrations;
    private final FulfillmentRequestCatchUp catchUp;

    FulfillmentServiceSchedule(
            FulfillmentServiceProperties properties,
            FulfillmentServiceRegistrations registrations,
            FulfillmentRequestCatchUp catchUp) {
        this.properties = properties;
        this.registrations = registrations;
        this.catchUp = catchUp;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.shops().values().stream()
                .noneMatch(s -> s.mode() == FulfillmentServiceProperties.Mode.FULFILLMENT_SERVICE)) {
            return;
        }
        registrar.addFixedDelayTask(
                new FixedDelayTask(this::register, properties.registrationInterval(), Duration.ZERO));
        registrar.addFixedDelayTask(
                new FixedDelayTask(this::catchUp, properties.catchUpInterval(), properties.catchUpInterval()));
    }

    private void register() {
        try {
            registrations.checkAll();
        } catch (RuntimeException e) {
            log.warn("Fulfillment service registrations not checked: {}", e.toString());
        }
    }

    private void catchUp() {
        properties.shops().forEach((shop, settings) -> {
            if (settings.mode() != FulfillmentServiceProperties.Mode.FULFILLMENT_SERVICE) {
                return;
            }
            try {
                catchUp.catchUp(shop);
            } catch (RuntimeException e) {
                log.warn(
                        "Fulfillment requests of {} not caught up, again in {}: {}",
                        shop,
                        properties.catchUpInterval(),
                        e.toString());
            }
        });
    }
}
