package org.followuptracker.query.projection;

import java.util.ArrayList;
import java.util.List;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.query.store.LookAhead;
import org.followuptracker.query.store.ReadModel;
import org.followuptracker.query.store.ReadModelLayout;
import org.followuptracker.query.store.StoredCollection;
import org.springframework.stereotype.Component;

/**
 * Applies an event to every projection of a generation, once: an event already applied whole is skipped, and the
 * mark that it was applied is written last. The live consumer and rebuilds both go through here.
 */
@Component
public class Projections {

    private final List<Projection> projections;
    private final List<StoredCollection> collections = new ArrayList<>();
    private final ReadModelLayout layout;

    public Projections(List<Projection> projections) {
        this.projections = projections;
        projections.forEach(projection -> collections.addAll(projection.collections()));
        // After every projection's: an event is marked applied once all it changed is written.
        collections.add(StoredCollection.writtenLast(AppliedEvent.COLLECTION));
        this.layout = new ReadModelLayout(collections);
    }

    /** The read models' collections, as the projections declare them. */
    public ReadModelLayout layout() {
        return layout;
    }

    /**
     * Before {@code events} are applied one by one: reads ahead, in a few round trips per collection, what applying
     * them looks up (whether each was applied, and what the projections declare they look up, or read ahead
     * themselves).
     */
    public void readAhead(List<ReceivedEvent> events, LookAhead lookAhead) {
        List<EventEnvelope> envelopes = events.stream().map(ReceivedEvent::envelope).toList();
        lookAhead.readAhead(AppliedEvent.COLLECTION, envelopes.stream().map(EventEnvelope::id).toList(),
                AppliedEvent.class);
        for (StoredCollection collection : collections) {
            if (collection.readAhead() == StoredCollection.ReadAhead.EVENT_IDS) {
                lookAhead.readAheadOfEvents(collection.name(), collection.readAhead().keys(envelopes),
                        collection.type());
            } else if (collection.readAhead() != null) {
                lookAhead.readAhead(collection.name(), collection.readAhead().keys(envelopes), collection.type());
            }
        }
        for (Projection projection : projections) {
            projection.readAhead(envelopes, lookAhead);
        }
    }

    /** @return whether the event was applied now (false: it had been before) */
    public boolean apply(ReceivedEvent received, ReadModel readModel) {
        String eventId = received.envelope().id();
        if (readModel.find(AppliedEvent.COLLECTION, eventId, AppliedEvent.class) != null) {
            return false;
        }
        for (Projection projection : projections) {
            projection.apply(received, readModel);
        }
        readModel.save(AppliedEvent.COLLECTION, eventId, AppliedEvent.of(received.envelope()));
        return true;
    }
}
