package org.followuptracker.query;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.followuptracker.events.EnvelopeCodec;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.TrackerEvent;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** The event topic as the command service's relay fills it: envelopes keyed by country. For tests. */
final class TestTopic implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    TestTopic(EmbeddedKafkaBroker broker, String topic) {
        this.producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new ByteArraySerializer());
        this.topic = topic;
    }

    /** Puts the event on the topic and waits for the broker's ack. */
    void publish(EventEnvelope envelope) throws ExecutionException, InterruptedException {
        send(envelope).get();
    }

    Future<RecordMetadata> send(EventEnvelope envelope) {
        return producer.send(new ProducerRecord<>(topic, envelope.country(), codec.encode(envelope)));
    }

    /** Puts a message that is not an envelope on the topic. */
    void publishRaw(String key, byte[] message) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(topic, key, message)).get();
    }

    /**
     * An event recorded by "coordinator" from "a source"; its id follows from its aggregate and sequence, so the
     * same event built twice is the same event (as a redelivery is).
     */
    static EventEnvelope envelope(String aggregateId, String aggregateType, long sequence, String recordedAt,
            TrackerEvent event) {
        return envelope(aggregateId, aggregateType, sequence, OffsetDateTime.parse(recordedAt), "a source", event);
    }

    static EventEnvelope envelope(String aggregateId, String aggregateType, long sequence, OffsetDateTime recordedAt,
            String source, TrackerEvent event) {
        return new EventEnvelope(UUID.nameUUIDFromBytes((aggregateId + "/" + sequence).getBytes()).toString(),
                recordedAt, aggregateId, aggregateType, sequence,
                event instanceof RecommendationRecorded ? RecommendationRecorded.REVISION : "1", "coordinator", source,
                event);
    }

    @Override
    public void close() {
        producer.close();
    }
}
