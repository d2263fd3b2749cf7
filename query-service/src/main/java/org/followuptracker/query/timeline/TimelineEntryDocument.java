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
        String source,
        Retraction retraction) {

    /** Why, when and by whom the entry's fact was retracted; null while it stands. */
    record Retraction(String reason, String retractedOn, Instant recordedAt, String actor, String eventId) {
    }

    TimelineEntryDocument retracted(Retraction why) {
        return new TimelineEntryDocument(eventId, country, type, occurredOn, recordedAt, summary, letterId,
                recommendationIds, responseId, actor, source, why);
    }
}
