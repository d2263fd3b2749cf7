package org.followuptracker.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A recommendation was found fully implemented, as assessed on {@code assessedOn} from the evidence given. */
@Revision("1")
public record RecommendationImplemented(
        String recommendationId,
        String country,
        LocalDate assessedOn,
        String evidence) implements TrackerEvent, RecommendationEvent {

    @Override
    public LocalDate occurredOn() {
        return assessedOn;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.recommendationImplemented(this);
    }
}
