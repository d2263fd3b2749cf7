package org.followuptracker.query.projection;

import java.util.List;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.query.store.LookAhead;
import org.followuptracker.query.store.ReadModel;
import org.followuptracker.query.store.StoredCollection;

/**
 * A read model kept up to date from the events: what each event changes in its documents. Whether an event was
 * applied before is told once for all projections ({@link Projections}); an event whose application was cut short
 * is applied again, so what a projection writes for an event it may find written already.
 * <p>
 * Projections are applied in their {@code @Order}, and a flush writes what they declare written last in that order
 * too ({@link org.followuptracker.query.store.ReadModelLayout}).
 */
public interface Projection {

    /** The collections it writes, as the store is to treat them. */
    List<StoredCollection> collections();

    void apply(ReceivedEvent received, ReadModel readModel);

    /**
     * Before a batch of events is applied: reads ahead what {@link #apply} will look up for them (by the events' ids,
     * countries, letters, recommendations), so that the batch takes a few round trips to the store, not a few per
     * event.
     */
    default void readAhead(List<EventEnvelope> events, LookAhead lookAhead) {
    }
}
