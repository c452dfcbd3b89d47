package org.orderbridge.reconcile;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

// Ahead of the platform's catch-all advice, which has the same (lowest) precedence otherwise.
@RestControllerAdvice(assignableTypes = BackfillController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BackfillProblems {

    @ExceptionHandler({BackfillExceptions.UnknownShop.class, BackfillExceptions.BackfillNotFound.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({BackfillExceptions.InvalidSince.class, BackfillExceptions.SinceInFuture.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail badSince(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(BackfillExceptions.BackfillInProgress.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail inProgress(BackfillExceptions.BackfillInProgress e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        if (e.active != null) {
            problem.setProperty("backfill", e.active);
        }
        return problem;
    }
}
