package org.orderbridge.platform;

import java.sql.SQLTransientException;
import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The log of a queued message's failed attempt, written once, by the listener that knows what the message is about.
 * A failure that the next receive may well not meet (Shopify or the database unavailable for now) is one WARN line
 * with the cause; a full stack is kept for what an operator must look at: the last receive before SQS moves the
 * message to the dead-letter queue, and failures nobody expected (a broken invariant, a bug). The listener then
 * throws what {@link #logged} returns, so that the container backs off without logging the failure a second time
 * (see {@link SqsListeners}).
 */
public final class FailedAttempts {

    private FailedAttempts() {}

    /**
     * Logs one failed attempt and returns the exception for the listener to throw.
     *
     * @param subject what the message is about, e.g. "Push of order 0b3… (shop a.myshopify.com)"
     * @param attempt the message's receive count
     * @param maxReceives the queue's maxReceiveCount: after that receive SQS dead-letters the message
     * @param expected whether the failure is one of the transient kinds the listener knows about; the database's
     *     transient failures are always taken as expected
     */
    public static RuntimeException logged(
            Logger log, String subject, int attempt, int maxReceives, boolean expected, Throwable failure) {
        if (attempt >= maxReceives) {
            log.error(
                    "{} failed on attempt {} of {}, its last: SQS moves the message to the dead-letter queue",
                    subject,
                    attempt,
                    maxReceives,
                    failure);
        } else if (expected || isTransientDatabaseFailure(failure)) {
            log.warn("{} failed on attempt {} of {}, retried later: {}", subject, attempt, maxReceives, cause(failure));
        } else {
            log.error(
                    "{} failed unexpectedly on attempt {} of {}, retried later",
                    subject,
                    attempt,
                    maxReceives,
                    failure);
        }
        return alreadyLogged(failure);
    }

    /**
     * For the listener that logged the failure as it saw fit (another worker has its subject, say: not a failure):
     * the exception to throw so that the container backs off without logging it.
     */
    public static RuntimeException alreadyLogged(Throwable failure) {
        return failure instanceof Logged logged ? logged : new Logged(failure);
    }

    /** The failure and, unless its message says it already, its root cause, on one line. */
    public static String cause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage();
        if (root == failure || (message != null && root.getMessage() != null && message.contains(root.getMessage()))) {
            return describe(failure);
        }
        return describe(failure) + " (cause: " + describe(root) + ")";
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null
                ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    static boolean isTransientDatabaseFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure, or one it caused, was logged by its listener already. */
    static boolean isLogged(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Logged) {
                return true;
            }
        }
        return false;
    }

    /** A failure its listener has logged; without a stack of its own, the cause has the one that matters. */
    public static final class Logged extends RuntimeException {

        Logged(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }
    }
}
