package org.followuptracker.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A recommendation was found not implemented, as assessed on {@code assessedOn} from the evidence given. */
@Revision("1")
public record RecommendationNotImplemented(
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
        return visitor.recommendationNotImplemented(this);
    }
}
