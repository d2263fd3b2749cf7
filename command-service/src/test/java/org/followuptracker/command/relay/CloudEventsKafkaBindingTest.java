package org.followuptracker.command.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.followuptracker.command.actor.CurrentActor;
import org.followuptracker.command.actor.Provenance;
import org.followuptracker.command.support.TestDatabase;
import org.followuptracker.command.support.TestUsers;
import org.followuptracker.events.EnvelopeCodec;
import org.followuptracker.events.EventTypes;
import org.followuptracker.events.SampleEvents;
import org.followuptracker.events.TrackerEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The relayed records follow the CloudEvents Kafka protocol binding: the CloudEvents SDK's own Kafka deserializer,
 * knowing nothing of ours, reads a record of every event type from the broker and finds in it what the record's
 * JSON envelope says. Without the {@code content-type} header it cannot tell the record is in structured mode.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "tracker.kafka.topic=" + CloudEventsKafkaBindingTest.TOPIC,
        "tracker.kafka.partitions=3"})
@EmbeddedKafka(kraft = true, partitions = 1)
class CloudEventsKafkaBindingTest {

    static final String TOPIC = "cloudevents-binding-test";

    /** The envelope's attributes that are not extensions (CloudEvents 1.0 core attributes and the data). */
    private static final Set<String> CORE_ATTRIBUTES = Set.of("specversion", "id", "source", "type",
            "datacontenttype", "dataschema", "subject", "time", "data", "data_base64");
    private static final Set<String> EXTENSIONS = Set.of(EnvelopeCodec.EXT_ACTOR, EnvelopeCodec.EXT_COUNTRY,
            EnvelopeCodec.EXT_PARTITION_KEY, EnvelopeCodec.EXT_AGGREGATE_TYPE, EnvelopeCodec.EXT_SEQUENCE,
            EnvelopeCodec.EXT_OCCURRED_ON, EnvelopeCodec.EXT_REVISION, EnvelopeCodec.EXT_SOURCE);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("tracker.access.users-file", () -> TestUsers.file("correct horse battery staple"));
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    EmbeddedKafkaBroker broker;

    private final ObjectMapper json = new ObjectMapper();
    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void theCloudEventsKafkaDeserializerReadsEveryEventTypeAsItsJsonEnvelopeSaysIt() throws Exception {
        Map<String, DomainEventMessage<TrackerEvent>> stored = SampleEvents.oneOfEachType().stream()
                .map(CloudEventsKafkaBindingTest::asStored)
                .collect(Collectors.toMap(DomainEventMessage::getIdentifier, Function.identity()));
        eventStore.publish(List.copyOf(stored.values()));

        Map<String, ConsumerRecord<String, byte[]>> envelopes = readAll(new ByteArrayDeserializer(), stored.size())
                .stream().collect(Collectors.toMap(CloudEventsKafkaBindingTest::place, Function.identity()));
        List<ConsumerRecord<String, CloudEvent>> read = readAll(new CloudEventDeserializer(), stored.size());

        assertThat(read).extracting(record -> record.value().getType())
                .containsExactlyInAnyOrderElementsOf(EventTypes.all().stream().map(EventTypes::typeOf).toList());
        assertThat(read).extracting(record -> record.value().getId())
                .containsExactlyInAnyOrderElementsOf(stored.keySet());
        for (ConsumerRecord<String, CloudEvent> record : read) {
            CloudEvent event = record.value();
            ConsumerRecord<String, byte[]> raw = envelopes.get(place(record));
            JsonNode envelope = json.readTree(raw.value());
            String type = event.getType();

            Header contentType = raw.headers().lastHeader("content-type");
            assertThat(contentType).as(type).isNotNull();
            assertThat(new String(contentType.value(), StandardCharsets.UTF_8)).as(type)
                    .isEqualTo("application/cloudevents+json");
            assertThat(event.getId()).as(type).isEqualTo(envelope.get("id").asText());
            assertThat(type).isEqualTo(envelope.get("type").asText());
            assertThat(event.getSource()).as(type).hasToString(envelope.get("source").asText());
            assertThat(event.getSubject()).as(type).isEqualTo(envelope.get("subject").asText());
            assertThat(event.getTime()).as(type).isEqualTo(OffsetDateTime.parse(envelope.get("time").asText()));
            assertThat(extensionsOf(envelope)).as(type).isEqualTo(EXTENSIONS);
            assertThat(event.getExtensionNames()).as(type).isEqualTo(EXTENSIONS);
            for (String extension : EXTENSIONS) {
                assertThat(String.valueOf(event.getExtension(extension))).as(type + " " + extension)
                        .isEqualTo(envelope.get(extension).asText());
            }
            assertThat(json.readTree(event.getData().toBytes())).as(type).isEqualTo(envelope.get("data"));
            // and the envelope is what was stored
            assertThat(codec.decode(raw.value()).event()).as(type).isEqualTo(stored.get(event.getId()).getPayload());
        }
    }

    /** Each event as the store holds it: on an aggregate of its own, recorded by a coordinator from a document. */
    private static DomainEventMessage<TrackerEvent> asStored(TrackerEvent event) {
        boolean ofARecommendation = event.getClass().getSimpleName().contains("Recommendation")
                || event.getClass().getSimpleName().startsWith("Position");
        return new GenericDomainEventMessage<>(ofARecommendation ? "Recommendation" : "Letter",
                UUID.randomUUID().toString(), 0, event,
                MetaData.with(CurrentActor.METADATA_KEY, "coordinator")
                        .and(Provenance.SOURCE_KEY, "Note verbale No. 12-1/2012"));
    }

    /** Reads the topic from its start, in a consumer group of its own, until it has seen {@code count} records. */
    private <V> List<ConsumerRecord<String, V>> readAll(Deserializer<V> values, int count) {
        Map<String, Object> properties = KafkaTestUtils.consumerProps(UUID.randomUUID().toString(), "false", broker);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
        }
        assertThat(records).hasSize(count);
        return records;
    }

    private static Set<String> extensionsOf(JsonNode envelope) {
        Set<String> names = new HashSet<>();
        envelope.fieldNames().forEachRemaining(names::add);
        names.removeAll(CORE_ATTRIBUTES);
        return names;
    }

    private static String place(ConsumerRecord<?, ?> record) {
        return record.partition() + "@" + record.offset();
    }
}
