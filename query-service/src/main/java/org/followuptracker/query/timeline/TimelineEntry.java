package org.followuptracker.query.timeline;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a country's timeline: the fact one event recorded, in a sentence, with when it happened, when and by
 * whom it was recorded, on what source; and, once retracted, why, when and by whom.
 */
public record TimelineEntry(
        String eventId,
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

    public TimelineEntry {
        recommendationIds = recommendationIds == null ? List.of() : recommendationIds;
    }

    /** Why, when and by whom the entry's fact was retracted. */
    public record Retraction(String reason, String retractedOn, Instant recordedAt, String actor, String eventId) {
    }

    TimelineEntry retracted(Retraction why) {
        return new TimelineEntry(eventId, type, occurredOn, recordedAt, summary, letterId, recommendationIds, responseId,
                actor, source, why);
    }

    /** The entry as known at {@code asOf}: null if recorded later; a retraction recorded later is not yet known. */
    public TimelineEntry asOf(Instant asOf) {
        if (recordedAt.isAfter(asOf)) {
            return null;
        }
        if (retraction != null && retraction.recordedAt().isAfter(asOf)) {
            return retracted(null);
        }
        return this;
    }
}
