package org.orderbridge.deadletter;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The admin named a queue that no feature declared; answered 400 with the names that exist. */
class UnknownDeadLetterQueueException extends ErrorResponseException {

    UnknownDeadLetterQueueException(String queue, Set<String> known) {
        super(HttpStatus.BAD_REQUEST, problem(queue, known), null);
    }

    private static ProblemDetail problem(String queue, Set<String> known) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "queue '" + queue + "' is not one of " + new TreeSet<>(known));
        problem.setProperty("queues", new TreeSet<>(known));
        return problem;
    }
}
