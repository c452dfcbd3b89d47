package org.orderbridge.order;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class OrderProblems {

    @ExceptionHandler({InvalidOrderIdException.class, InvalidCursorException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail invalidReference(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(OrderNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ProblemDetail notFound(OrderNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalOrderTransitionException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail illegalTransition(IllegalOrderTransitionException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IncompleteCancelRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail incompleteCancel(IncompleteCancelRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty(
                "errors",
                e.missing().stream()
                        .map(field -> java.util.Map.of("field", field, "message", "must not be null"))
                        .toList());
        return problem;
    }

    @ExceptionHandler(ExternalIdConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail externalIdConflict(ExternalIdConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("existingOrderId", e.existing().toString());
        return problem;
    }

    @ExceptionHandler(UnknownShopException.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ProblemDetail unknownShop(UnknownShopException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }
}
