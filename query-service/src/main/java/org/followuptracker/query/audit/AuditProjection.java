package org.followuptracker.query.audit;

import java.util.List;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.query.projection.Projection;
import org.followuptracker.query.store.ReadModel;
import org.followuptracker.query.store.StoredCollection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the audit trail: every event, in full (its data and revision exactly as they travelled, not as upgraded
 * for this version, so a rebuild after an upgrade gives the same hashes), chained per country in the order the country's events arrive (the
 * order of its Kafka partition, the same in every rebuild). An event already in the chain is not added again; if
 * the chain's head was not yet moved past it (the application was interrupted), it is now.
 */
@Component
@Order(3)
class AuditProjection implements Projection {

    /** The heads after every document the events changed: a reader who sees a head moved reads them as new. */
    @Override
    public List<StoredCollection> collections() {
        return List.of(StoredCollection.documents(AuditEntry.COLLECTION, AuditEntry.class,
                        StoredCollection.ReadAhead.EVENT_IDS),
                StoredCollection.perCountry(AuditHead.COLLECTION, AuditHead.class, head -> 1));
    }

    @Override
    public void apply(ReceivedEvent received, ReadModel readModel) {
        EventEnvelope envelope = received.envelope();
        String country = envelope.country();
        AuditHead found = readModel.find(AuditHead.COLLECTION, country, AuditHead.class);
        AuditHead head = found != null ? found : AuditHead.start(country);
        AuditEntry existing = readModel.find(AuditEntry.COLLECTION, envelope.id(), AuditEntry.class);
        if (existing != null) {
            if (head.length() < existing.position()) {
                readModel.save(AuditHead.COLLECTION, country, new AuditHead(country, existing.position(),
                        existing.eventId(), existing.hash()));
            }
            return;
        }
        AuditEntry entry = new AuditEntry(envelope.id(), country, head.length() + 1, envelope.type(),
                envelope.aggregateType(), envelope.aggregateId(), envelope.sequence(), received.revisionAsSent(),
                envelope.actor(), envelope.source(), envelope.recordedAt().toInstant().toString(),
                envelope.recordedAt().toInstant(), envelope.occurredOn() == null ? null : envelope.occurredOn().toString(),
                received.dataAsSent(), head.hash(), null).hashed();
        readModel.save(AuditEntry.COLLECTION, entry.eventId(), entry);
        readModel.save(AuditHead.COLLECTION, country, new AuditHead(country, entry.position(), entry.eventId(),
                entry.hash()));
    }
}
