package org.followuptracker.command;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, except that a read which may block (the one the event store's read-ahead thread
 * makes) ends after {@link #PASS} events; that thread then starts the next read where this one ended.
 * <p>
 * Why: Axon's {@code EmbeddedEventStore} keeps the newest event it had when a read began until that read ends, and
 * with it every event read since (they are linked one to the next). A read ends only when it reaches the newest
 * stored event. While events are stored faster than it reads (a bulk load: the benchmark stores a million at about
 * 26,000 a second), it never does, and the command service ran out of its 512 MiB of heap holding 334,000 read
 * events (measured: the live heap's histogram, 333,901 of the store's cache nodes, 250 MB of payloads). Ending each
 * read after {@value #PASS} events bounds what one read holds. Reads that do not block (an event processor's own
 * stream when it runs behind the cache) are unchanged: they keep only the batch at hand.
 */
final class BoundedPassStorageEngine extends JdbcEventStorageEngine {

    /** The most events one blocking read returns: ten of the engine's batches of 100. */
    static final int PASS = 1_000;

    BoundedPassStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(PASS) : events;
    }
}
