package org.orderbridge.push;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The webhook feature's queues, which the dead-letter administration also serves. */
@Validated
@ConfigurationProperties("orderbridge.webhook")
record WebhookQueueNames(@NotBlank String queue, @NotBlank String deadLetterQueue) {}
