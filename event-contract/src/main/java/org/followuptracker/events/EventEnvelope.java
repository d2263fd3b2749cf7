package org.followuptracker.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One event as it travels on Kafka: the event itself plus what the CloudEvents envelope says about it.
 *
 * @param id          the event's unique id (the same on every redelivery)
 * @param recordedAt  when the tracker recorded it (server clock); CloudEvents {@code time}
 * @param aggregateId the letter or recommendation it belongs to; CloudEvents {@code subject}
 * @param aggregateType {@code Letter} or {@code Recommendation}
 * @param sequence    its position in that aggregate's history, from 0
 * @param revision    the revision of the event's schema
 * @param actor       who recorded it
 * @param source      the document, URL or file it was recorded from, or null
 * @param event       the event
 */
public record EventEnvelope(
        String id,
        OffsetDateTime recordedAt,
        String aggregateId,
        String aggregateType,
        long sequence,
        String revision,
        String actor,
        String source,
        TrackerEvent event) {

    public String country() {
        return event.country();
    }

    public LocalDate occurredOn() {
        return event.occurredOn();
    }

    public String type() {
        return EventTypes.typeOf(event.getClass());
    }
}
