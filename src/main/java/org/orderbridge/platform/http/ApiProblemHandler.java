package org.orderbridge.platform.http;

import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns what goes wrong into RFC 9457 problems. Features map their own exceptions in their own advice; this
 * one covers the framework's, the database's transient failures, and anything unexpected.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    /** A failover or a saturated pool: nothing was committed, so the client may safely try again. */
    @ExceptionHandler({
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        QueryTimeoutException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Database unavailable while serving a request: {}", e.toString());
        return DatabaseUnavailable.problem();
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyFailureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "The resource was changed concurrently; read it again and retry");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(ConstraintViolationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request parameters");
        problem.setProperty(
                "errors",
                e.getConstraintViolations().stream()
                        .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                        .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    /** Lists every field error at once, so that a client fixes its request in one round trip. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is invalid; see errors");
        problem.setProperty(
                "errors",
                e.getBindingResult().getAllErrors().stream()
                        .map(error -> new FieldProblem(
                                error instanceof FieldError field ? field.getField() : error.getObjectName(),
                                error.getDefaultMessage()))
                        .toList());
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    /** Not JSON, or JSON of the wrong shape; the detail names no internals. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimitFilter.TooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge.problem());
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape");
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @ExceptionHandler(RequestBodyLimitFilter.TooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyLimitFilter.TooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(e.problem());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.isCause(e)) {
            return databaseUnavailable(e);
        }
        if (UnstorableText.isCause(e)) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST,
                            "The request holds text that cannot be stored, such as a NUL character (\\u0000)"));
        }
        log.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    record FieldProblem(String field, @Nullable String message) {}

    /**
     * SQLState 22021 (character not in repertoire) and 22P05 (untranslatable character): PostgreSQL refuses
     * NUL in text and in jsonb, which JSON and URLs can carry; the client sent it, so it is the client's error.
     */
    static final class UnstorableText {

        private UnstorableText() {}

        static boolean isCause(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLException sql
                        && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class DatabaseUnavailable {

        private DatabaseUnavailable() {}

        static ResponseEntity<ProblemDetail> problem() {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "The database is unavailable (failover in progress?); nothing was stored, retry shortly");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "2")
                    .body(problem);
        }

        /**
         * SQLState class 08 (connection), 57P01 (admin shutdown) and 25006 (read-only after demotion); or a
         * transaction that could not be rolled back or committed. When the primary dies mid-transaction, the pool
         * closes the broken connection and the rollback fails on it with a "Connection is closed" that has no
         * SQLState; Spring then throws that instead of the original 08006. Either way nothing was committed, or
         * the outcome is unknown and a retry is safe: intake is idempotent by externalId and state transitions do
         * not apply twice.
         */
        static boolean isCause(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.hibernate.TransactionException
                        || t instanceof org.springframework.transaction.TransactionSystemException) {
                    return true;
                }
                if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                    String state = sql.getSQLState();
                    if (state.startsWith("08") || state.equals("57P01") || state.equals("25006")) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
