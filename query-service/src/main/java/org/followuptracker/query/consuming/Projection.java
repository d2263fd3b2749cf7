package org.followuptracker.query.consuming;

import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.query.readmodel.ReadModel;

/**
 * A read model kept up to date from the events. Applying the same event twice must leave it as applying it once:
 * Kafka delivers at least once, and an event whose application was interrupted is applied again.
 */
public interface Projection {

    void apply(ReceivedEvent received, ReadModel readModel);
}
