package org.orderbridge.push;

import java.util.UUID;

/**
 * Handles push messages of one kind other than order creates. Returning acknowledges the message; throwing leaves it
 * for a later receive with the push queue's growing visibility timeout, and after maxReceiveCount in its dead-letter
 * queue.
 */
public interface PushHandler {

    /** The kind this handler takes, as given to {@link PushRequests#request}. */
    String kind();

    /**
     * Thrown by {@link #handle} when another worker is pushing the same subject: not a failure, so it is not logged as
     * one, but the message comes back later like after one.
     */
    class SubjectBusyException extends RuntimeException {

        public SubjectBusyException(String message) {
            super(message, null, false, false);
        }
    }

    void handle(UUID subjectId) throws Exception;
}
