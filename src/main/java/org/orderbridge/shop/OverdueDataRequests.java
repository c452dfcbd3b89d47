package org.orderbridge.shop;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Says once an hour in the log how many data requests are overdue, while any are: the alarm in infra/ counts that line
 * (the gauge is scraped, not shipped to CloudWatch). Every instance says it; one line an hour is enough to alarm.
 */
@Component
class OverdueDataRequests {

    private static final Logger log = LoggerFactory.getLogger(OverdueDataRequests.class);

    private final DataRequests requests;

    OverdueDataRequests(DataRequests requests) {
        this.requests = requests;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    void report() {
        try {
            long overdue = requests.overdue();
            if (overdue > 0) {
                log.warn(
                        "Overdue data requests: {} past their 30 days and not marked delivered;"
                                + " GET /api/v1/admin/compliance/data-requests",
                        overdue);
            }
        } catch (DataAccessException e) {
            log.warn("Could not count overdue data requests: {}", e.getMessage());
        }
    }
}
