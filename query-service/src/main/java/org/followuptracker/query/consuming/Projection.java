package org.followuptracker.query.consuming;

import java.util.List;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.query.readmodel.LookAhead;
import org.followuptracker.query.readmodel.ReadModel;

/**
 * A read model kept up to date from the events. Applying the same event twice must leave it as applying it once:
 * Kafka delivers at least once, and an event whose application was interrupted is applied again.
 */
public interface Projection {

    void apply(ReceivedEvent received, ReadModel readModel);

    /**
     * Before a batch of events is applied: reads ahead what {@link #apply} will look up for them (by the events' ids,
     * countries, letters, recommendations), so that the batch takes a few round trips to the store, not a few per
     * event.
     */
    default void readAhead(List<EventEnvelope> events, LookAhead lookAhead) {
    }
}
