package org.followuptracker.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A recommendation became known to the tracker: its text, who made it, the UN sources that made it, its themes.
 * Revision 2 added {@code mechanism} and {@code themes}; {@link Revisions} brings revision 1 up to date.
 */
@Revision(RecommendationRecorded.REVISION)
public record RecommendationRecorded(
        String recommendationId,
        String country,
        String text,
        Mechanism mechanism,
        List<UnSource> sources,
        List<String> themes) implements TrackerEvent {

    public static final String REVISION = "2";

    public RecommendationRecorded {
        sources = sources == null ? List.of() : List.copyOf(sources);
        themes = themes == null ? List.of() : List.copyOf(themes);
    }
}
