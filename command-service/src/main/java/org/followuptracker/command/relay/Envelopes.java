package org.followuptracker.command.relay;

import java.time.ZoneOffset;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Revision;
import org.followuptracker.command.actor.CurrentActor;
import org.followuptracker.command.actor.Provenance;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.TrackerEvent;

/** What the Kafka envelope says of an Axon event message: its id, time, aggregate, sequence, revision, actor. */
final class Envelopes {

    private Envelopes() {
    }

    static EventEnvelope of(TrackerEvent event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domainMessage)) {
            throw new IllegalStateException("event " + message.getIdentifier() + " belongs to no aggregate");
        }
        Revision revision = event.getClass().getAnnotation(Revision.class);
        Object actor = message.getMetaData().get(CurrentActor.METADATA_KEY);
        Object source = message.getMetaData().get(Provenance.SOURCE_KEY);
        return new EventEnvelope(
                message.getIdentifier(),
                message.getTimestamp().atOffset(ZoneOffset.UTC),
                domainMessage.getAggregateIdentifier(),
                domainMessage.getType(),
                domainMessage.getSequenceNumber(),
                revision == null ? null : revision.value(),
                actor == null ? CurrentActor.ANONYMOUS : actor.toString(),
                source == null ? null : source.toString(),
                event);
    }
}
