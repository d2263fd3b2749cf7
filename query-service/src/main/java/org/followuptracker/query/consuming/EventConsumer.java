package org.followuptracker.query.consuming;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.followuptracker.events.EnvelopeCodec;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.events.UnreadableEnvelopeException;
import org.followuptracker.query.projection.Projections;
import org.followuptracker.query.store.BatchingReadModel;
import org.followuptracker.query.store.Generation;
import org.followuptracker.query.store.Generations;
import org.followuptracker.query.store.ProjectionGate;
import org.followuptracker.query.store.RecentCountryDocuments;
import org.followuptracker.query.store.TopicPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;

/**
 * Reads the event topic and applies each event to the live read models, in the order of its partition (one
 * country's events are all on one partition). A poll's events are applied together and written in bulk, with where
 * the read models then stand on each partition ({@link TopicPositions}); an event before that is not applied again,
 * and a poll that starts beyond it is read again from there. The offsets are committed to Kafka after that write, as
 * a hint for where to start. Before a generation of read models of this version's layout was built there is
 * nothing to apply to: the build reads the topic from its start.
 */
@Component
class EventConsumer {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);
    /** A batch that took longer to apply than this, for each 500 of its events, is told of in the log. */
    static final Duration SLOW_BATCH = Duration.ofSeconds(1);

    private final Projections projections;
    private final Generations generations;
    private final ProjectionGate gate;
    private final MongoTemplate mongo;
    private final RecentCountryDocuments recent;
    private final FirstDeliveries firstDeliveries;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Timer relayDelay;
    private final Timer projectionDelay;
    private final Timer batchReadAhead;
    private final Timer batchApply;
    private final Timer batchWrite;

    EventConsumer(Projections projections, Generations generations, ProjectionGate gate, MongoTemplate mongo,
            RecentCountryDocuments recent, FirstDeliveries firstDeliveries, MeterRegistry meters) {
        this.projections = projections;
        this.generations = generations;
        this.gate = gate;
        this.mongo = mongo;
        this.recent = recent;
        this.firstDeliveries = firstDeliveries;
        this.relayDelay = Timer.builder("tracker.events.relay.delay")
                .description("From recording an event until the relay sent it to Kafka")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.projectionDelay = Timer.builder("tracker.events.projection.delay")
                .description("From recording an event until every read model shows it")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.batchReadAhead = batchPhase(meters, "read-ahead");
        this.batchApply = batchPhase(meters, "apply");
        this.batchWrite = batchPhase(meters, "write");
    }

    private static Timer batchPhase(MeterRegistry meters, String phase) {
        return Timer.builder("tracker.events.batch").tag("phase", phase)
                .description("Applying a batch of events to the live read models, phase by phase")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Each phase of applying a batch timed; a batch slower than {@link #SLOW_BATCH} told of in the log, phase by phase. */
    private void timed(int events, long started, long readAhead, long projected, long flushed,
            BatchingReadModel readModel, int written) {
        batchReadAhead.record(readAhead - started, TimeUnit.NANOSECONDS);
        batchApply.record(projected - readAhead, TimeUnit.NANOSECONDS);
        batchWrite.record(flushed - projected, TimeUnit.NANOSECONDS);
        if (flushed - started > SLOW_BATCH.toNanos() * Math.max(1, events / 500)) {
            log.warn("applying {} events took {} ms: reading ahead {} ms ({}: keys/ms), applying {} ms ({} lookups one "
                    + "key at a time), writing {} documents {} ms ({}: documents/ms)", events,
                    (flushed - started) / 1_000_000, (readAhead - started) / 1_000_000, readModel.readAheadCosts(),
                    (projected - readAhead) / 1_000_000, readModel.storeLookups(), written,
                    (flushed - projected) / 1_000_000, readModel.writeCosts());
        }
    }

    /**
     * Where the consumer stands beyond the store, it reads again from where the store stands. The store lost writes
     * this consumer (or one before it) made: what this consumer remembers of the store no longer holds.
     */
    private void readAgainWhereBehind(StoredPositions positions, Consumer<?, ?> consumer) {
        if (positions.storeIsBehind()) {
            log.warn("the read store stands behind where this consumer is: reading again from {}", positions.behind());
            recent.forget();
            firstDeliveries.forget();
            positions.behind().forEach(consumer::seek);
        }
    }

    /**
     * With nothing new to read, the store may still have lost what was applied last (the process that keeps it
     * was killed and started again): a partition no new event comes to would never be read again otherwise.
     * Published on the consumer's thread, with its consumer.
     */
    @EventListener(condition = "event.listenerId.startsWith('projections')")
    void onIdle(ListenerContainerIdleEvent idle) {
        Consumer<?, ?> consumer = idle.getConsumer();
        gate.lock();
        try {
            Optional<Generation> live = generations.liveNowOfThisLayout();
            if (live.isPresent()) {
                readAgainWhereBehind(StoredPositions.of(mongo, live.get(), List.of(), consumer), consumer);
            }
        } finally {
            gate.unlock();
        }
    }

    @KafkaListener(id = "projections", idIsGroup = false, topics = "${tracker.kafka.topic}", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        gate.lock();
        try {
            // Read afresh while holding the gate: a rebuild may just have replaced the generation.
            Optional<Generation> live = generations.liveNowOfThisLayout();
            if (live.isEmpty()) {
                log.debug("no read models of this layout built yet; the build will apply these {} events",
                        records.size());
                return;
            }
            // Where the read models stand, not where Kafka says this group stands: what comes before is applied.
            StoredPositions positions = StoredPositions.of(mongo, live.get(), records, consumer);
            readAgainWhereBehind(positions, consumer);
            // The countries' documents this consumer wrote last, not read back (RecentCountryDocuments tells when not).
            BatchingReadModel readModel = new BatchingReadModel(mongo, live.get(), projections.layout(),
                    recent.of(live.get()));
            List<ConsumerRecord<String, byte[]>> applied = new ArrayList<>();
            List<ReceivedEvent> received = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : positions.toApply()) {
                try {
                    received.add(codec.receive(record.value()));
                    applied.add(record);
                } catch (UnreadableEnvelopeException e) {
                    // Retrying cannot change it; everything else that fails (MongoDB away, an event type this version
                    // does not know yet) is retried, with the whole batch, without end.
                    log.error("passing over unreadable message {}-{}@{}: {}", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                }
            }
            // What applying them looks up, in a few round trips for the batch, not a few per event; not what only
            // applying them writes, for the events no one can have applied before.
            long started = System.nanoTime();
            readModel.firstDelivered(firstDeliveries.among(live.get(), applied, received, consumer));
            projections.readAhead(received, readModel);
            long readAhead = System.nanoTime();
            for (int i = 0; i < received.size(); i++) {
                EventEnvelope envelope = received.get(i).envelope();
                ConsumerRecord<String, byte[]> record = applied.get(i);
                log.debug("applying {} {} from {}-{}@{}", envelope.type(), envelope.id(), record.topic(),
                        record.partition(), record.offset());
                projections.apply(received.get(i), readModel);
            }
            long projected = System.nanoTime();
            TopicPositions.save(readModel, positions.after());
            int written = readModel.pendingDocuments();
            Map<String, Map<String, Object>> countries = readModel.pendingIn(recent.collections());
            try {
                readModel.flush();
            } catch (RuntimeException e) {
                // Written in part, perhaps: the store may hold some of the new documents and not others.
                recent.forget();
                firstDeliveries.forget();
                throw e;
            }
            recent.written(live.get(), countries);
            long flushed = System.nanoTime();
            timed(received.size(), started, readAhead, projected, flushed, readModel, written);
            long now = System.currentTimeMillis();
            for (int i = 0; i < applied.size(); i++) {
                long recordedAt = received.get(i).envelope().recordedAt().toInstant().toEpochMilli();
                relayDelay.record(Duration.ofMillis(Math.max(0, applied.get(i).timestamp() - recordedAt)));
                projectionDelay.record(Duration.ofMillis(Math.max(0, now - recordedAt)));
            }
        } finally {
            gate.unlock();
        }
    }
}
