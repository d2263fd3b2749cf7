package org.followuptracker.command.relay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.followuptracker.events.EnvelopeCodec;
import org.followuptracker.events.TrackerEvent;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Relays every stored event to Kafka, keyed by country so that each country's events stay in order, as a
 * structured-mode CloudEvent whose header says so (the CloudEvents Kafka binding's {@code content-type}). It runs in
 * a tracking event processor: the events of a batch are sent, and the batch's token is stored only after the
 * broker acknowledged every one of them. A failure rolls the batch back and the processor retries it, so every
 * event reaches Kafka at least once.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    static final String PROCESSING_GROUP = "kafka-relay";
    private static final String PENDING_SENDS = KafkaRelay.class.getName() + ".pending";
    private static final long ACK_TIMEOUT_SECONDS = 60;

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventTopic topic;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    KafkaRelay(KafkaTemplate<String, byte[]> kafka, EventTopic topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @EventHandler
    void on(TrackerEvent event, EventMessage<?> message) {
        topic.ensureExists();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), event.country(),
                codec.encode(Envelopes.of(event, message)));
        record.headers().add(EnvelopeCodec.KAFKA_CONTENT_TYPE_HEADER,
                EnvelopeCodec.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        pendingSends().add(kafka.send(record));
    }

    /** The sends of the current batch; before the batch commits (and its token moves on), all must be acked. */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAcks(sends));
            return sends;
        });
    }

    private static void awaitAcks(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused an event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge within " + ACK_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka's acknowledgement", e);
        }
    }
}
