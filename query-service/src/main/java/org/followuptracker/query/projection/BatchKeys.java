package org.followuptracker.query.projection;

import java.util.List;
import java.util.function.Predicate;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.TrackerEvent;

/** What a batch of events concerns, each once, for projections to read ahead ({@link Projection#readAhead}). */
public final class BatchKeys {

    private BatchKeys() {
    }

    /** The countries of the events. */
    public static List<String> countries(List<EventEnvelope> events) {
        return countries(events, event -> true);
    }

    /** The countries of the events {@code which} selects. */
    public static List<String> countries(List<EventEnvelope> events, Predicate<TrackerEvent> which) {
        return events.stream().filter(envelope -> which.test(envelope.event())).map(EventEnvelope::country).distinct()
                .toList();
    }

    /** The recommendations the events concern ({@link AppliedEvent#recommendationIdsOf}). */
    public static List<String> recommendationIds(List<EventEnvelope> events) {
        return events.stream().flatMap(envelope -> AppliedEvent.recommendationIdsOf(envelope).stream()).distinct()
                .toList();
    }
}
