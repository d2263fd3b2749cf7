package org.followuptracker.events;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A recommendation became known to the tracker: its text, who made it, the UN sources that made it, its themes.
 * Revision 2 added {@code mechanism}, {@code themes} and {@code madeOn} (when it was made, where known); {@link Revisions} brings revision 1 up to date.
 */
@Revision(RecommendationRecorded.REVISION)
public record RecommendationRecorded(
        String recommendationId,
        String country,
        String text,
        Mechanism mechanism,
        List<UnSource> sources,
        List<String> themes,
        LocalDate madeOn) implements TrackerEvent, RecommendationEvent {

    public static final String REVISION = "2";

    public RecommendationRecorded {
        sources = sources == null ? List.of() : List.copyOf(sources);
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    /** A recommendation whose date is not known. */
    public RecommendationRecorded(String recommendationId, String country, String text, Mechanism mechanism,
            List<UnSource> sources, List<String> themes) {
        this(recommendationId, country, text, mechanism, sources, themes, null);
    }

    /** When the recommendation was made (the date of its UN document), where known. */
    @Override
    public LocalDate occurredOn() {
        return madeOn;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.recommendationRecorded(this);
    }
}
