package org.followuptracker.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A recommendation became known to the tracker: its text and the UN sources that made it. */
@Revision("1")
public record RecommendationRecorded(
        String recommendationId,
        String country,
        String text,
        List<UnSource> sources) implements TrackerEvent {

    public RecommendationRecorded {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
