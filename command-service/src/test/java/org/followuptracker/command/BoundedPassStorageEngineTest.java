package org.followuptracker.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.eventhandling.TrackingEventStream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event store's read-ahead reads at most a pass of events at a time, and an event processor reading through
 * the store still gets every event once, in order, across the passes.
 */
class BoundedPassStorageEngineTest {

    private final BoundedPassStorageEngine engine;
    private EmbeddedEventStore store;

    BoundedPassStorageEngineTest() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:passes" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = new BoundedPassStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(new EventSchema()));
    }

    @AfterEach
    void stopStore() {
        if (store != null) {
            store.shutDown();
        }
    }

    @Test
    void aReadThatMayBlockEndsAfterAPassAndOneThatMayNotReadsEverything() {
        engine.appendEvents(events(0, 2_500));

        assertThat(payloads(engine.readEvents(null, true).toList()))
                .containsExactlyElementsOf(range(0, BoundedPassStorageEngine.PASS));
        assertThat(payloads(engine.readEvents(null, false).toList())).containsExactlyElementsOf(range(0, 2_500));
    }

    @Test
    void aProcessorReadingThroughTheStoreGetsEveryEventOnceInOrderAcrossPasses() throws InterruptedException {
        store = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(10).timeUnit(TimeUnit.MILLISECONDS)
                .build();
        engine.appendEvents(events(0, 1_500));
        List<TrackedEventMessage<?>> read = new ArrayList<>();
        try (TrackingEventStream stream = store.openStream(null)) {
            readAvailable(stream, read, 1_500);
            // Caught up, the stream follows the store's read-ahead; what comes now takes several of its passes.
            assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
            store.publish(events(1_500, 5_000));
            readAvailable(stream, read, 5_000);
            assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
        }

        assertThat(payloads(read)).containsExactlyElementsOf(range(0, 5_000));
    }

    private static void readAvailable(TrackingEventStream stream, List<TrackedEventMessage<?>> read, int until)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (read.size() < until && System.nanoTime() < deadline) {
            if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                read.add(stream.nextAvailable());
            }
        }
    }

    /** Events of one aggregate, numbered from {@code from} (inclusive) to {@code to} (exclusive). */
    private static List<DomainEventMessage<?>> events(int from, int to) {
        return IntStream.range(from, to).<DomainEventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>(
                "Letter", "letter-1", i, "event " + i, MetaData.emptyInstance())).toList();
    }

    private static List<String> range(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "event " + i).toList();
    }

    private static List<Object> payloads(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().<Object>map(TrackedEventMessage::getPayload).toList();
    }
}
