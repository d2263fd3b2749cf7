package org.followuptracker.benchmark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Appends generated events through Axon's event store API, serialized exactly as the command service serializes
 * them (Axon's Jackson serializer with the command service's mapper settings), in batches: the way to store a
 * million events in a minute rather than an hour of HTTP calls. The command service's relay then sends them to
 * Kafka as it sends any event.
 */
final class EventStoreLoader {

    private static final int BATCH = 2_000;

    private final JdbcEventStorageEngine engine;
    private final List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
    private final MetaData metaData = MetaData.from(Map.of("actor", "benchmark", "source", "generated data set"));
    private long appended;

    EventStoreLoader(DataSource dataSource) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(new EventSchema())
                .build();
    }

    void append(DataSet.Generated generated) {
        batch.add(new GenericDomainEventMessage<>(generated.aggregateType(), generated.aggregateId(),
                generated.sequence(), new GenericMessage<>(generated.eventId(), generated.event(), metaData),
                Instant.now()));
        if (batch.size() == BATCH) {
            flush();
        }
    }

    void flush() {
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
            appended += batch.size();
            batch.clear();
        }
    }

    long appended() {
        return appended;
    }
}
