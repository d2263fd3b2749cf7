package org.followuptracker.embedded.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks into the event store's schema past the services (and past the {@link PostgresProxy}): which events a
 * command caused, who holds the relay's token, and a way to hold the relay's token update at its commit.
 */
final class EventStoreProbe {

    private static final String RELAY = "kafka-relay";

    private final Stores stack;

    EventStoreProbe(Stores stack) {
        this.stack = stack;
    }

    long storedCount() throws SQLException {
        try (Connection store = stack.eventStore(); Statement statement = store.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM domainevententry")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** The ids of the events a command caused, found by the source it gave. */
    Set<String> eventIdsOf(String source) throws SQLException {
        return Set.copyOf(globalIndexesOf(source).keySet());
    }

    /** The sources of an aggregate's events, in the order of their sequence numbers: the serial order it took. */
    List<String> sourcesInSequence(String aggregateId) throws SQLException {
        List<String> sources = new ArrayList<>();
        try (Connection store = stack.eventStore(); PreparedStatement query = store.prepareStatement(
                "SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? "
                        + "ORDER BY sequencenumber")) {
            query.setString(1, aggregateId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sources.add(Http.JSON.readTree(rows.getString(1)).get("source").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** Who holds the relay's token (Axon names the owner by process: pid@host); more than one is an error. */
    Optional<String> relayOwner() throws SQLException {
        List<String> owners = new ArrayList<>();
        try (Connection store = stack.eventStore(); PreparedStatement query = store.prepareStatement(
                "SELECT owner FROM tokenentry WHERE processorname = ? AND owner IS NOT NULL")) {
            query.setString(1, RELAY);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    owners.add(rows.getString(1));
                }
            }
        }
        if (owners.size() > 1) {
            throw new IllegalStateException("the relay has more than one owner: " + owners);
        }
        return owners.stream().findFirst();
    }

    /** The global index of each event a command caused, by event id. */
    Map<String, Long> globalIndexesOf(String source) throws SQLException {
        Map<String, Long> indexes = new HashMap<>();
        try (Connection store = stack.eventStore(); PreparedStatement query = store.prepareStatement(
                "SELECT eventidentifier, globalindex FROM domainevententry "
                        + "WHERE convert_from(metadata, 'UTF8')::jsonb ->> 'source' = ?")) {
            query.setString(1, source);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    indexes.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return indexes;
    }

    /** The index of the relay's stored token (Axon's gap-aware token: the highest global index it has done). */
    long relayTokenIndex() throws SQLException {
        try (Connection store = stack.eventStore(); PreparedStatement query = store.prepareStatement(
                "SELECT (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint FROM tokenentry "
                        + "WHERE processorname = ?")) {
            query.setString(1, RELAY);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the relay has no token");
                }
                return row.getLong(1);
            }
        }
    }

    /** The highest global index among the events a command caused, found by the source it gave. */
    long lastGlobalIndexOf(String source) throws SQLException {
        return globalIndexesOf(source).values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /**
     * Keeps the relay from storing its token until {@link RelayPause#holdCommitsReaching} is called: the relay may
     * send what it reads, but its token update waits on a lock on the token table.
     */
    RelayPause pauseRelayTokenUpdates() throws SQLException {
        Connection store = stack.eventStore();
        try (Statement statement = store.createStatement()) {
            store.setAutoCommit(false);
            statement.execute("LOCK TABLE tokenentry IN EXCLUSIVE MODE");
        } catch (SQLException e) {
            store.close();
            throw e;
        }
        return new RelayPause(store);
    }

    /** The relay's token updates, paused (see {@link #pauseRelayTokenUpdates}). */
    static final class RelayPause implements AutoCloseable {

        private final Connection store;

        private RelayPause(Connection store) {
            this.store = store;
        }

        /** Lets token updates through again without a trigger, if {@link #holdCommitsReaching} was not reached. */
        @Override
        public void close() throws SQLException {
            if (!store.isClosed()) {
                try {
                    store.rollback();
                } finally {
                    store.close();
                }
            }
        }

        /**
         * Lets token updates through again, except that a transaction that moves the relay's token to
         * {@code globalIndex} or beyond sleeps at its commit: a deferred trigger runs then, after the relay awaited
         * Kafka's acknowledgements of the batch's sends and before the token is stored. (The relay may split a
         * command's events over batches; the one held is the batch with the last of them. The token is Axon's
         * gap-aware token, stored as JSON by the Jackson serializer: {@code {"index": ...}}.)
         */
        void holdCommitsReaching(long globalIndex) throws SQLException {
            try (Statement statement = store.createStatement()) {
                statement.execute("CREATE FUNCTION hold_relay_token() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$ BEGIN PERFORM pg_sleep(300); RETURN NULL; END $$");
                statement.execute("CREATE CONSTRAINT TRIGGER hold_relay_token AFTER UPDATE ON tokenentry "
                        + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.processorname = '" + RELAY + "' AND "
                        + "(convert_from(NEW.token, 'UTF8')::jsonb ->> 'index')::bigint >= " + globalIndex
                        + ") EXECUTE FUNCTION hold_relay_token()");
                store.commit();
            } finally {
                store.close();
            }
        }
    }

    /** A session asleep in the trigger, holding a lock on this scenario's token table (not another schema's). */
    private static final String HELD = "wait_event = 'PgSleep' AND pid IN (SELECT pid FROM pg_locks "
            + "WHERE relation = 'tokenentry'::regclass "
            + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))";

    /** Whether a relay transaction is asleep at its commit. */
    boolean relayTokenCommitHeld() throws SQLException {
        try (Connection store = stack.eventStore(); Statement statement = store.createStatement();
                ResultSet held = statement.executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE " + HELD)) {
            held.next();
            return held.getLong(1) > 0;
        }
    }

    /**
     * Ends the held transactions, as the database does once it notices their client died (they roll back), and
     * lets token updates through again.
     */
    void endHeldCommits() throws SQLException {
        try (Connection store = stack.eventStore(); Statement statement = store.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE " + HELD);
            statement.execute("DROP TRIGGER hold_relay_token ON tokenentry");
            statement.execute("DROP FUNCTION hold_relay_token()");
        }
    }
}
