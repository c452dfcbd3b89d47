package org.orderbridge.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.orderbridge.platform.web.ApiTags;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dead-lettered push and webhook messages, for an operator (admin role). */
@RestController
@ApiTags.DeadLetters
@RequestMapping("/api/v1/admin/dead-letters")
@Validated
@ApiResponse(
        responseCode = "400",
        description = "queue is not one of the managed queues (push, webhook), or max is out of range")
@ApiResponse(responseCode = "500", description = "SQS did not answer")
class DeadLetterController {

    private final DeadLetterQueues deadLetters;

    DeadLetterController(DeadLetterQueues deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(operationId = "listDeadLetters", summary = "Look at dead-lettered messages", description = """
                    Admin role. Up to `max` messages of the queue's dead-letter queue, with their attributes, receive \
                    count and the reason they failed; they stay where they are.""")
    @ApiResponse(responseCode = "200", description = "Up to max messages, with attributes and receive count")
    List<DeadLetterQueues.DeadLetter> list(
            @RequestParam @Size(max = 80) String queue, @RequestParam(defaultValue = "10") @Min(1) @Max(100) int max)
            throws Exception {
        return deadLetters.peek(queue, max);
    }

    @PostMapping("/redrive")
    @Operation(
            operationId = "redriveDeadLetters",
            summary = "Move dead-lettered messages back to their queue",
            description = """
                    Admin role. Moves up to `max` messages back to the queue they came from, where they are processed \
                    again (idempotently).""")
    @ApiResponse(responseCode = "200", description = "How many messages were moved")
    Redriven redrive(
            @RequestParam @Size(max = 80) String queue, @RequestParam(defaultValue = "10") @Min(1) @Max(1000) int max)
            throws Exception {
        return new Redriven(deadLetters.redrive(queue, max));
    }

    record Redriven(int moved) {}
}
