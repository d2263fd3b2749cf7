package org.followuptracker.query.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.followuptracker.events.EnvelopeCodec;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.events.UnreadableEnvelopeException;
import org.followuptracker.query.projection.Projections;
import org.followuptracker.query.store.BatchingReadModel;
import org.followuptracker.query.store.Generation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Builds one generation of the read models from the whole topic, with a consumer of its own (no consumer group,
 * nothing committed): reads from the first offset of every partition to the end, applies each event through the
 * same projections as the live consumer, and writes in bulk.
 */
class ReadModelBuild implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadModelBuild.class);
    private static final int FLUSH_AT_DOCUMENTS = 20_000;
    private static final Duration POLL = Duration.ofMillis(200);
    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private List<TopicPartition> partitions = List.of();
    private final BatchingReadModel readModel;
    private final Projections projections;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Generation generation;
    private final String purpose;
    private final Instant startedAt = Instant.now();
    private volatile long eventsDone;
    private volatile long lag;

    ReadModelBuild(Map<String, Object> kafka, String topic, MongoTemplate mongo, Projections projections,
            Generation generation, String purpose) {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        // The generation was allocated empty for this build, and nothing else writes to it until it goes live.
        this.readModel = BatchingReadModel.ofEmptyGeneration(mongo, generation, projections.layout());
        this.projections = projections;
        this.generation = generation;
        this.purpose = purpose;
    }

    /** Finds the topic's partitions and starts reading each from its first offset. */
    void open() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        partitions = infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                        .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    String purpose() {
        return purpose;
    }

    Generation generation() {
        return generation;
    }

    /** The end offset of every partition now. */
    Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions);
    }

    /**
     * Where the build stands on each partition: the offset of the next event it would apply. Once it is read up to
     * its targets and written, stored with its generation, for the live consumer to go on from.
     */
    Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : partitions) {
            positions.put(partition, consumer.position(partition));
        }
        return positions;
    }

    /** Reads and applies until every partition is read up to {@code targets}, or {@code stop} says so. */
    void readUpTo(Map<TopicPartition, Long> targets, BooleanSupplier stop) {
        readUpTo(targets, stop, Instant.MAX);
    }

    /**
     * As {@link #readUpTo(Map, BooleanSupplier)}, giving up at {@code deadline}.
     * <p>
     * Reads one partition after the other, each to its target, rather than all at once: every read model is a
     * country's, and each country's events are all on one partition. So a country's documents that grow as its
     * events come (a month of its timeline, its letters, its recommendations) are written once or a few times, rather
     * than with every flush while all 193 countries were read side by side (each flush then held some 20 events of
     * each country, and rewrote their documents whole): with all partitions at once, a rebuild of 100,000 events
     * wrote 451,000 documents, 368 MB; one partition after the other, 405,000 documents, 301 MB (a month of a timeline
     * written 39,000 times where it was 55,000, a recommendation 48,000 where it was 79,000). When a partition is read,
     * what its countries' events made is written.
     *
     * @return whether every partition was read up to its target (what was read is written either way)
     */
    boolean readUpTo(Map<TopicPartition, Long> targets, BooleanSupplier stop, Instant deadline) {
        TopicPartition reading = null;
        while (!reached(targets)) {
            if (stop.getAsBoolean()) {
                throw new IllegalStateException("stopped");
            }
            if (Instant.now().isAfter(deadline)) {
                readModel.flush();
                return false;
            }
            TopicPartition behind = firstBehind(targets);
            if (!behind.equals(reading)) {
                if (reading != null) {
                    // The countries of the partition read are done: their documents kept until the end too.
                    readModel.flush();
                }
                consumer.pause(partitions);
                consumer.resume(List.of(behind));
                reading = behind;
            }
            List<ReceivedEvent> polled = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                ReceivedEvent received = received(record);
                if (received != null) {
                    polled.add(received);
                }
            }
            // What the poll's events look up, read in a few round trips for all of them, not one or more each.
            projections.readAhead(polled, readModel);
            for (ReceivedEvent received : polled) {
                projections.apply(received, readModel);
                eventsDone++;
            }
            if (readModel.pendingDocuments() >= FLUSH_AT_DOCUMENTS) {
                readModel.flushMost();
            }
            lag = lagTo(targets);
        }
        readModel.flush();
        lag = 0;
        return true;
    }

    /** The first partition, in the order of their numbers, not yet read up to its target. */
    private TopicPartition firstBehind(Map<TopicPartition, Long> targets) {
        for (TopicPartition partition : partitions) {
            Long target = targets.get(partition);
            if (target != null && consumer.position(partition) < target) {
                return partition;
            }
        }
        throw new IllegalStateException("every partition is read up to its target");
    }

    /** Reads until caught up with the end of the topic, as it moves, until a read finds nothing left to read. */
    void catchUp(BooleanSupplier stop) {
        Map<TopicPartition, Long> end = endOffsets();
        do {
            readUpTo(end, stop);
            end = endOffsets();
        } while (!reached(end));
    }

    /** The record's event, or null for a message that is no envelope of ours (passed over, as the consumer does). */
    private ReceivedEvent received(ConsumerRecord<String, byte[]> record) {
        try {
            return codec.receive(record.value());
        } catch (UnreadableEnvelopeException e) {
            log.error("build {}: passing over unreadable message {}-{}@{}: {}", generation.number(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return null;
        }
    }

    private boolean reached(Map<TopicPartition, Long> targets) {
        return lagTo(targets) == 0;
    }

    private long lagTo(Map<TopicPartition, Long> targets) {
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            behind += Math.max(0, target.getValue() - consumer.position(target.getKey()));
        }
        return behind;
    }

    RebuildProgress progress(RebuildProgress.State state, Instant finishedAt, String problem) {
        Instant until = finishedAt != null ? finishedAt : Instant.now();
        double seconds = Math.max(0.001, Duration.between(startedAt, until).toMillis() / 1000.0);
        return new RebuildProgress(generation.number(), purpose, state, startedAt, finishedAt, eventsDone,
                Math.round(eventsDone / seconds * 10) / 10.0, lag, problem);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
