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

    void handle(UUID subjectId) throws Exception;
}
