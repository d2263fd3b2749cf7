package org.followuptracker.query.consuming;

import org.followuptracker.events.EventEnvelope;

/**
 * A read model kept up to date from the events. Applying the same event twice must leave it as applying it once:
 * Kafka delivers at least once.
 */
public interface Projection {

    void apply(EventEnvelope envelope);
}
