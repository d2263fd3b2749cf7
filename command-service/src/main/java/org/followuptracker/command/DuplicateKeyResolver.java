package org.followuptracker.command;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when an append failed because another transaction appended the same sequence number first: SQL state
 * 23505 (unique violation, the same in PostgreSQL and H2), wherever it sits. PostgreSQL's driver reports a failed
 * batch insert as a {@code BatchUpdateException} with the violation as its next exception; Axon's
 * {@code JdbcSQLErrorCodesResolver} made with no data source does not recognise it there, so two command-service
 * instances appending to one letter at once answered 500 instead of 409 (fault suite, scenario 5).
 */
final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }
}
