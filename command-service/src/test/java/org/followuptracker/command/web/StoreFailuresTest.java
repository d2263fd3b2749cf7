package org.followuptracker.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

/** The failures seen when the line to PostgreSQL was cut (fault suite, scenario 4) count as the store unreachable. */
class StoreFailuresTest {

    @Test
    void aBrokenConnectionHoweverWrappedIsTheStoreUnreachable() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT ... was aborted", null, 0,
                new int[0], null);
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThat(StoreFailures.unreachable(new EventStoreException("Cannot reuse aggregate identifier", batch)))
                .isTrue();
        assertThat(StoreFailures.unreachable(new JdbcException("Failed to create a SQL statement",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(StoreFailures.unreachable(new IllegalStateException(new SocketException("Connection reset"))))
                .isTrue();
        assertThat(StoreFailures.unreachable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(StoreFailures.unreachable(new RuntimeException(new SQLException("lost",
                new java.io.EOFException("end of stream"))))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(StoreFailures.unreachable(new EventStoreException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(StoreFailures.unreachable(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void anIoErrorOutsideTheDatabaseIsNot() {
        // A body that cannot be parsed, or a client that hung up while the answer was written.
        assertThat(StoreFailures.unreachable(new IllegalStateException(
                new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected character")))).isFalse();
        assertThat(StoreFailures.unreachable(new IllegalStateException(new java.io.IOException("Broken pipe"))))
                .isFalse();
    }
}
