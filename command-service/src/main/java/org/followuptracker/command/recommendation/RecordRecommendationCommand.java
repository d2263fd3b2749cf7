package org.followuptracker.command.recommendation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.followuptracker.events.UnSource;

/** Record a recommendation the tracker did not know yet: its text and the UN sources that made it. */
public record RecordRecommendationCommand(
        @TargetAggregateIdentifier String recommendationId,
        String country,
        String text,
        List<UnSource> sources) {
}
