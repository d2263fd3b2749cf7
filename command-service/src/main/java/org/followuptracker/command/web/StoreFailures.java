package org.followuptracker.command.web;

import java.io.IOException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure to reach the event store from other failures, however it is wrapped. Axon reports a connection
 * that broke while it appended as an {@code EventStoreException} (worded as if the aggregate identifier were taken);
 * underneath is an SQL state of class 08 (connection exception) or 57P (the server shutting down), an I/O error
 * beneath an SQL exception, a socket error, or the pool's "Connection is closed" (a connection the pool closed after
 * it broke, without an SQL state). An I/O error on its own is not enough: a malformed body or a client that hung up
 * is an I/O error too, and neither means the store is away.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    static boolean unreachable(Throwable failure) {
        boolean beneathSql = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SocketException
                    || (beneathSql && cause instanceof IOException)) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                beneathSql = true;
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                        return true;
                    }
                    if (state == null && "Connection is closed".equals(next.getMessage())) {
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
