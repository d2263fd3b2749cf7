package org.followuptracker.command;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.followuptracker.command.letter.LetterReferences;
import org.followuptracker.command.recommendation.RecommendationDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How Axon stores and hands out events here. */
@Configuration
class AxonConfiguration {

    /**
     * The mapper Axon's Jackson serializer uses for stored events: dates as ISO strings, and lenient about fields
     * it does not know, so that events written by a newer version still load. It is not the web layer's mapper.
     */
    @Bean(name = "defaultAxonObjectMapper", defaultCandidate = false)
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Axon's JDBC storage engine, built as its auto-configuration would; that backs off (with the schema and the
     * exception resolver) once {@link #eventStore} is defined here. The tables are Flyway's ({@code db/migration}).
     * Its read-ahead reads are bounded ({@link BoundedPassStorageEngine}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
            TransactionManager transactionManager) {
        return new BoundedPassStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema()));
    }

    /**
     * The event store as Axon would build it, but looking for new events every 100 ms instead of every second when
     * it was not woken: a commit that lands while it is already reading does not wake it, and then a letter would
     * wait up to a second before the relay sends it (measured: about a third of letters on PostgreSQL). An indexed
     * look-up ten times a second when idle is the price.
     * <p>
     * An event processor that stopped reading (the relay waiting on Kafka) keeps every event the store read ahead
     * since; once it is further behind than the store's cache of 10,000 events, the store's cleaner lets it go to a
     * stream of its own and the events go. The cleaner looks every second instead of every ten: at the 26,000 events
     * a second a bulk load stores, ten seconds of read-ahead is 260,000 events, half of the service's heap.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(100)
                .cleanupDelay(1_000)
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    /**
     * A failure in these handlers must not be logged and skipped: the relay must retry until Kafka acked, and the
     * look-up tables must roll back the command that could not update them.
     */
    @Autowired
    void propagateFailures(EventProcessingConfigurer processing) {
        for (String group : new String[] {"kafka-relay", LetterReferences.PROCESSING_GROUP,
                RecommendationDirectory.PROCESSING_GROUP}) {
            processing.registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance());
        }
    }
}
