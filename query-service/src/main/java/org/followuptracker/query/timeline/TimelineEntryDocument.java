package org.followuptracker.query.timeline;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One entry of a country's timeline, keyed by the id of the event it shows, so a redelivery overwrites it alike. */
@Document("timeline_entries")
@CompoundIndex(name = "country_in_order", def = "{'country': 1, 'occurredOn': 1, 'recordedAt': 1}")
record TimelineEntryDocument(
        @Id String eventId,
        String country,
        String type,
        String occurredOn,
        Instant recordedAt,
        String summary,
        String letterId,
        List<String> recommendationIds,
        String responseId,
        String actor,
        String source) {
}
