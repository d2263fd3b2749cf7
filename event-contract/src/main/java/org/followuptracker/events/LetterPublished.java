package org.followuptracker.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The sender published the open letter, on a day and, if it is online, at a {@code url} (http or https; null when
 * it was published elsewhere, in print say).
 */
@Revision("1")
public record LetterPublished(
        String letterId,
        String country,
        LocalDate publishedOn,
        String url) implements TrackerEvent, LetterEvent {

    @Override
    public LocalDate occurredOn() {
        return publishedOn;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.letterPublished(this);
    }
}
