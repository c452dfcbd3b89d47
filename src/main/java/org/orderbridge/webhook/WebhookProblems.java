package org.orderbridge.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice(assignableTypes = WebhookController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebhookProblems {

    private static final Logger log = LoggerFactory.getLogger(WebhookProblems.class);

    private final WebhookMetrics metrics;

    WebhookProblems(WebhookMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(WebhookRejection.class)
    ResponseEntity<ProblemDetail> rejected(WebhookRejection rejection) {
        metrics.rejected(rejection.reason());
        var response = ResponseEntity.status(rejection.getStatusCode());
        if (rejection.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        if (rejection.getStatusCode().value() == HttpStatus.REQUEST_TIMEOUT.value()) {
            // Reading the rest of a slow body to keep the connection would hold it as long again.
            response.header(HttpHeaders.CONNECTION, "close");
        }
        return response.body(rejection.getBody());
    }

    /** Shopify retries a delivery that did not get 2xx, so 503 loses nothing; 200 would. */
    @ExceptionHandler(WebhookQueue.QueueUnavailableException.class)
    ResponseEntity<ProblemDetail> queueUnavailable(WebhookQueue.QueueUnavailableException e) {
        log.warn("Webhook not acknowledged: {}", e.getMessage());
        metrics.rejected("queue_unavailable");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The delivery could not be queued; it was not accepted, retry later");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }
}
