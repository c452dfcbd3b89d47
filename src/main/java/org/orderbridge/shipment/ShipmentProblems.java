package org.orderbridge.shipment;

import org.orderbridge.shopify.ShopifyUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

// Ahead of the platform's catch-all advice, which has the same (lowest) precedence otherwise.
@RestControllerAdvice(assignableTypes = ShipmentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShipmentProblems {

    @ExceptionHandler(ShipmentExceptions.ShipmentNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({
        ShipmentExceptions.ShipmentIdConflict.class,
        ShipmentExceptions.OrderNotShippable.class,
        ShipmentExceptions.ReleaseRefused.class,
        IllegalShipmentTransitionException.class
    })
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(ShopifyUnavailableException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    ProblemDetail shopifyUnavailable(ShopifyUnavailableException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "Shopify is unavailable; try again later: " + e.getMessage());
    }

    @ExceptionHandler(ShipmentExceptions.UnknownLocation.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail unknownLocation(ShipmentExceptions.UnknownLocation e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ShipmentExceptions.UnknownItems.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail unknownItems(ShipmentExceptions.UnknownItems e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("unknownItems", e.unknown);
        return problem;
    }

    @ExceptionHandler(ShipmentExceptions.OverFulfilment.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ProblemDetail overFulfilment(ShipmentExceptions.OverFulfilment e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setProperty("items", e.items);
        return problem;
    }
}
