package org.followuptracker.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;

/**
 * Writes and reads the Kafka message: a CloudEvents 1.0 JSON envelope in structured mode, whose {@code data} is the
 * event as plain JSON, in a record with the header {@value #KAFKA_CONTENT_TYPE_HEADER}: {@value
 * #STRUCTURED_CONTENT_TYPE}. Any Kafka or CloudEvents client can read it; docs/kafka-message.md documents it with
 * an example.
 */
public final class EnvelopeCodec {

    public static final String CONTENT_TYPE = "application/json";
    /**
     * The Kafka header that marks a record as a structured-mode CloudEvent and names its format (the CloudEvents Kafka
     * protocol binding): without it a CloudEvents reader takes the record for binary mode and finds no attributes.
     */
    public static final String KAFKA_CONTENT_TYPE_HEADER = "content-type";
    /** The header's value: the JSON event format's media type, as the CloudEvents SDK's own Kafka writer sets it. */
    public static final String STRUCTURED_CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    public static final URI SOURCE = URI.create("/follow-up-tracker/command-service");

    public static final String EXT_COUNTRY = "country";
    public static final String EXT_PARTITION_KEY = "partitionkey";
    public static final String EXT_AGGREGATE_TYPE = "aggregatetype";
    public static final String EXT_SEQUENCE = "sequence";
    public static final String EXT_REVISION = "revision";
    public static final String EXT_OCCURRED_ON = "occurredon";
    public static final String EXT_ACTOR = "actor";
    public static final String EXT_SOURCE = "sourceref";

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final JsonFormat format = new JsonFormat();

    public byte[] encode(EventEnvelope envelope) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.id())
                .withSource(SOURCE)
                .withType(envelope.type())
                .withTime(envelope.recordedAt())
                .withSubject(envelope.aggregateId())
                .withDataContentType(CONTENT_TYPE)
                .withData(CONTENT_TYPE, toJson(envelope.event()))
                .withExtension(EXT_COUNTRY, envelope.country())
                .withExtension(EXT_PARTITION_KEY, envelope.country())
                .withExtension(EXT_AGGREGATE_TYPE, envelope.aggregateType())
                .withExtension(EXT_SEQUENCE, Math.toIntExact(envelope.sequence()))
                .withExtension(EXT_REVISION, envelope.revision())
                .withExtension(EXT_ACTOR, envelope.actor());
        if (envelope.source() != null) {
            builder.withExtension(EXT_SOURCE, envelope.source());
        }
        LocalDate occurredOn = envelope.occurredOn();
        if (occurredOn != null) {
            builder.withExtension(EXT_OCCURRED_ON, occurredOn.toString());
        }
        return format.serialize(builder.build());
    }

    /**
     * Reads a message back, bringing an event written under an older revision up to date ({@link Revisions}); the
     * envelope it returns carries the revision the event now has.
     *
     * @throws UnreadableEnvelopeException when it is not a CloudEvent of ours
     * @throws UnknownEventTypeException   when it is ours, but of a type this reader does not know yet (written by a
     *                                     newer command service)
     */
    public EventEnvelope decode(byte[] message) {
        return receive(message).envelope();
    }

    /** As {@link #decode}, keeping also the event's data and revision as they travelled. */
    public ReceivedEvent receive(byte[] message) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = format.deserialize(message);
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException e) {
            throw new UnreadableEnvelopeException("not a CloudEvents JSON envelope: " + e.getMessage(), e);
        }
        Class<? extends TrackerEvent> eventClass = EventTypes.classOf(cloudEvent.getType())
                .orElseThrow(() -> cloudEvent.getType().startsWith(EventTypes.PREFIX)
                        ? new UnknownEventTypeException(cloudEvent.getType())
                        : new UnreadableEnvelopeException("not an event of the tracker: " + cloudEvent.getType()));
        if (cloudEvent.getData() == null) {
            throw new UnreadableEnvelopeException("envelope " + cloudEvent.getId() + " has no data");
        }
        TrackerEvent event;
        String revisionAsSent = stringExtension(cloudEvent, EXT_REVISION);
        String revision = revisionAsSent;
        byte[] dataAsSent = cloudEvent.getData().toBytes();
        try {
            JsonNode data = json.readTree(dataAsSent);
            if (data instanceof ObjectNode object) {
                revision = Revisions.upcast(eventClass, revision, object);
            }
            event = json.treeToValue(data, eventClass);
        } catch (IOException e) {
            throw new UnreadableEnvelopeException("data of " + cloudEvent.getId() + " is not a " + eventClass.getSimpleName(), e);
        }
        return new ReceivedEvent(new EventEnvelope(
                cloudEvent.getId(),
                cloudEvent.getTime(),
                cloudEvent.getSubject(),
                stringExtension(cloudEvent, EXT_AGGREGATE_TYPE),
                numberExtension(cloudEvent, EXT_SEQUENCE),
                revision,
                stringExtension(cloudEvent, EXT_ACTOR),
                stringExtension(cloudEvent, EXT_SOURCE),
                event), new String(dataAsSent, java.nio.charset.StandardCharsets.UTF_8), revisionAsSent);
    }

    private byte[] toJson(TrackerEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String stringExtension(CloudEvent cloudEvent, String name) {
        Object value = cloudEvent.getExtension(name);
        return value == null ? null : value.toString();
    }

    private static long numberExtension(CloudEvent cloudEvent, String name) {
        Object value = cloudEvent.getExtension(name);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value != null) {
            try {
                return Long.parseLong(value.toString());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new UnreadableEnvelopeException("extension " + name + " is missing or not a number: " + value);
    }
}
