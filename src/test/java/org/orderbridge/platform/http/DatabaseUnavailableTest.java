package org.orderbridge.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;

/** Which failures the API answers with 503 and Retry-After rather than 500. */
@Tag("unit")
class DatabaseUnavailableTest {

    @Test
    void lostConnectionIsUnavailable() {
        assertThat(ApiProblemHandler.DatabaseUnavailable.isCause(new RuntimeException(
                        new SQLException("An I/O error occurred while sending to the backend", "08006"))))
                .isTrue();
    }

    @Test
    void demotedPrimaryIsUnavailable() {
        assertThat(ApiProblemHandler.DatabaseUnavailable.isCause(
                        new SQLException("cannot execute INSERT in a read-only transaction", "25006")))
                .isTrue();
    }

    /** What the failover test saw: the pool had closed the dead connection before Spring rolled back on it. */
    @Test
    void rollbackOnAConnectionThePoolClosedIsUnavailable() {
        var rollbackFailure = new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
        assertThat(ApiProblemHandler.DatabaseUnavailable.isCause(rollbackFailure))
                .isTrue();
    }

    @Test
    void constraintViolationIsNotUnavailable() {
        assertThat(ApiProblemHandler.DatabaseUnavailable.isCause(
                        new RuntimeException(new SQLException("duplicate key value", "23505"))))
                .isFalse();
    }
}
