package org.followuptracker.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

/** An append that lost the race for a sequence number is a concurrency conflict, however the driver wraps it. */
class DuplicateKeyResolverTest {

    private final DuplicateKeyResolver resolver = new DuplicateKeyResolver();

    @Test
    void postgresqlsFailedBatchWithTheViolationAsItsNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO DomainEventEntry ... was "
                + "aborted", null, 0, new int[0], null);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new EventStoreException("wrapped", batch))).isTrue();
    }

    @Test
    void h2sViolationAsTheCause() {
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException(
                new SQLException("Unique index or primary key violation", "23505", 23505)))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("I/O error", "08006"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("not null", "23502"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("a bug"))).isFalse();
    }
}
