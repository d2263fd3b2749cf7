package org.followuptracker.query.consuming;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.followuptracker.events.EnvelopeCodec;
import org.followuptracker.events.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the event topic and hands each event to every projection, in the order of its partition (one country's
 * events are all on one partition). The offset is committed only after every projection wrote the event.
 */
@Component
class EventConsumer {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final List<Projection> projections;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Timer relayDelay;
    private final Timer projectionDelay;

    EventConsumer(List<Projection> projections, MeterRegistry meters) {
        this.projections = projections;
        this.relayDelay = Timer.builder("tracker.events.relay.delay")
                .description("From recording an event until the relay sent it to Kafka")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.projectionDelay = Timer.builder("tracker.events.projection.delay")
                .description("From recording an event until every read model shows it")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @KafkaListener(id = "projections", idIsGroup = false, topics = "${tracker.kafka.topic}")
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = codec.decode(record.value());
        log.debug("applying {} {} from {}-{}@{}", envelope.type(), envelope.id(), record.topic(), record.partition(),
                record.offset());
        for (Projection projection : projections) {
            projection.apply(envelope);
        }
        long recordedAt = envelope.recordedAt().toInstant().toEpochMilli();
        relayDelay.record(Duration.ofMillis(Math.max(0, record.timestamp() - recordedAt)));
        projectionDelay.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - recordedAt)));
    }
}
