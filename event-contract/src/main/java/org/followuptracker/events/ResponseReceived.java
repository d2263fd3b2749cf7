package org.followuptracker.events;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A government answered a letter, taking positions on some or all of the recommendations it urged. */
@Revision("1")
public record ResponseReceived(
        String letterId,
        String responseId,
        String country,
        LocalDate receivedOn,
        String from,
        String summary,
        List<PositionTaken> positions) implements TrackerEvent, LetterEvent {

    public ResponseReceived {
        positions = positions == null ? List.of() : List.copyOf(positions);
    }

    @Override
    public LocalDate occurredOn() {
        return receivedOn;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.responseReceived(this);
    }
}
