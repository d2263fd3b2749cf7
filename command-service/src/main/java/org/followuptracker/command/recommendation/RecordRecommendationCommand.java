package org.followuptracker.command.recommendation;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.UnSource;

/** Record a recommendation the tracker did not know yet: its text, who made it, its UN sources, its themes. */
public record RecordRecommendationCommand(
        @TargetAggregateIdentifier String recommendationId,
        String country,
        String text,
        Mechanism mechanism,
        List<UnSource> sources,
        List<String> themes,
        LocalDate madeOn) {

    /** A recommendation whose date is not known. */
    public RecordRecommendationCommand(String recommendationId, String country, String text, Mechanism mechanism,
            List<UnSource> sources, List<String> themes) {
        this(recommendationId, country, text, mechanism, sources, themes, null);
    }
}
