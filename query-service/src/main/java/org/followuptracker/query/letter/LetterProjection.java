package org.followuptracker.query.letter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterPublished;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.events.ResponseDueDateExtended;
import org.followuptracker.events.ResponseDueDateSet;
import org.followuptracker.events.ResponseDueDateWithdrawn;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.events.TrackerEvent;
import org.followuptracker.query.projection.AppliedEvent;
import org.followuptracker.query.projection.EventType;
import org.followuptracker.query.projection.Projection;
import org.followuptracker.query.store.CountryChanges;
import org.followuptracker.query.store.CountryIndex;
import org.followuptracker.query.store.ReadModel;
import org.followuptracker.query.store.StoredCollection;
import org.followuptracker.query.store.Retraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps each letter, in a document of its own, and each country's index of them: when sent, when due, which answers
 * and follow-ups came, when and where it was published, and what was retracted.
 */
@Component
@Order(2)
class LetterProjection implements Projection {

    private static final Logger log = LoggerFactory.getLogger(LetterProjection.class);

    /** A batch reads ahead the letters its events concern (a retraction names its letter as its aggregate). */
    @Override
    public List<StoredCollection> collections() {
        return List.of(StoredCollection.documents(LetterDocument.COLLECTION, LetterDocument.class, events -> events
                        .stream().map(envelope -> envelope.event() instanceof FactRetracted e
                                && "Letter".equals(envelope.aggregateType())
                                ? e.aggregateId() : AppliedEvent.letterIdOf(envelope.event()))
                        .filter(Objects::nonNull).distinct().toList()),
                StoredCollection.writtenLast(LetterDocument.INDEX_PARTS),
                StoredCollection.perCountry(LetterDocument.INDEX, CountryIndex.class, index -> index.ids().size()),
                StoredCollection.perCountry(LetterDocument.CHANGES, CountryChanges.class, CountryChanges::entries));
    }

    @Override
    public void apply(ReceivedEvent received, ReadModel readModel) {
        EventEnvelope envelope = received.envelope();
        LetterRecord touched = applied(envelope, readModel);
        // For every event of the country, so that readers can tell they are up to date. A letter the event touched is
        // told of also when nothing changed: that is an event applied again after a flush was cut short, which may
        // have written the letter but not this.
        CountryChanges changes = readModel.find(LetterDocument.CHANGES, envelope.country(), CountryChanges.class);
        readModel.save(LetterDocument.CHANGES, envelope.country(),
                (changes != null ? changes : CountryChanges.none(envelope.country())).after(envelope.id(),
                        touched == null ? List.of() : List.of(touched.letterId())));
    }

    /** Applies the event to the country's letters; the letter it concerned, as it left it, or null. */
    private LetterRecord applied(EventEnvelope envelope, ReadModel readModel) {
        TrackerEvent event = envelope.event();
        Instant recordedAt = envelope.recordedAt().toInstant();
        return switch (EventType.of(event)) {
            case LETTER_SENT -> sent(readModel, envelope, (LetterSent) event);
            case RESPONSE_RECEIVED -> {
                ResponseReceived e = (ResponseReceived) event;
                yield update(readModel, envelope, e.letterId(), letter -> letter.withResponse(new LetterRecord.Reply(
                        envelope.id(), e.responseId(), e.receivedOn().toString(), recordedAt, null)));
            }
            case FOLLOW_UP_SENT -> {
                FollowUpSent e = (FollowUpSent) event;
                yield update(readModel, envelope, e.letterId(), letter -> {
                    LetterRecord followedUp = letter.withFollowUp(new LetterRecord.FollowUp(envelope.id(),
                            e.sentOn().toString(), recordedAt, null));
                    return e.responseDueBy() == null ? followedUp : followedUp.withDueDate(new LetterRecord.DueDate(
                            envelope.id(), e.responseDueBy().toString(), recordedAt, null));
                });
            }
            case RESPONSE_DUE_DATE_SET -> {
                ResponseDueDateSet e = (ResponseDueDateSet) event;
                yield dueBy(readModel, envelope, e.letterId(), e.responseDueBy().toString());
            }
            case RESPONSE_DUE_DATE_EXTENDED -> {
                ResponseDueDateExtended e = (ResponseDueDateExtended) event;
                yield dueBy(readModel, envelope, e.letterId(), e.responseDueBy().toString());
            }
            case LETTER_PUBLISHED -> {
                LetterPublished e = (LetterPublished) event;
                yield update(readModel, envelope, e.letterId(), letter -> letter.withPublication(
                        new LetterRecord.Publication(envelope.id(), e.publishedOn().toString(), e.url(), recordedAt, null)));
            }
            case RESPONSE_DUE_DATE_WITHDRAWN ->
                    dueBy(readModel, envelope, ((ResponseDueDateWithdrawn) event).letterId(), null);
            case FACT_RETRACTED -> {
                FactRetracted e = (FactRetracted) event;
                yield "Letter".equals(envelope.aggregateType())
                        ? update(readModel, envelope, e.aggregateId(), letter -> letter.retracting(
                                e.retractedEventId(), new Retraction(envelope.id(), recordedAt)))
                        : null;
            }
            case RECOMMENDATION_RECORDED, POSITION_RECORDED, RECOMMENDATION_IMPLEMENTED,
                    RECOMMENDATION_PARTIALLY_IMPLEMENTED, RECOMMENDATION_NOT_IMPLEMENTED -> null;
        };
    }

    /** A letter sent: its document, numbered, and its place in the country's index. */
    private LetterRecord sent(ReadModel readModel, EventEnvelope envelope, LetterSent e) {
        Instant recordedAt = envelope.recordedAt().toInstant();
        CountryIndex index = readModel.find(LetterDocument.INDEX, e.country(), CountryIndex.class);
        LetterDocument found = readModel.find(LetterDocument.COLLECTION, e.letterId(), LetterDocument.class);
        CountryIndex current = index != null ? index : CountryIndex.empty(e.country());
        LetterRecord letter;
        if (found == null) {
            String dueBy = e.responseDueBy() == null ? null : e.responseDueBy().toString();
            letter = new LetterRecord(e.letterId(), envelope.id(), e.reference(), e.subject(), e.recipient(),
                    e.sentOn().toString(), recordedAt, null,
                    List.of(new LetterRecord.DueDate(envelope.id(), dueBy, recordedAt, null)), List.of(), List.of());
            readModel.save(LetterDocument.COLLECTION, e.letterId(),
                    new LetterDocument(e.letterId(), e.country(), letter, current.size()));
        } else if (!found.country().equals(e.country())) {
            log.warn("{} {} sends letter {} to {}, which is known as a letter to {}", envelope.type(), envelope.id(),
                    e.letterId(), e.country(), found.country());
            return null;
        } else {
            letter = found.letter();
        }
        // Also when the letter was known: a flush cut short may have written the letter but not the index.
        if (found == null || !found.indexedIn(current)) {
            readModel.save(LetterDocument.INDEX, e.country(), current.with(e.letterId(), readModel, LetterDocument.INDEX_PARTS));
        }
        return letter;
    }

    private LetterRecord dueBy(ReadModel readModel, EventEnvelope envelope, String letterId, String dueBy) {
        return update(readModel, envelope, letterId, letter -> letter.withDueDate(new LetterRecord.DueDate(envelope.id(),
                dueBy, envelope.recordedAt().toInstant(), null)));
    }

    private LetterRecord update(ReadModel readModel, EventEnvelope envelope, String letterId,
            UnaryOperator<LetterRecord> change) {
        LetterDocument found = readModel.find(LetterDocument.COLLECTION, letterId, LetterDocument.class);
        if (found == null || !found.country().equals(envelope.country())) {
            // Cannot happen while each country's events arrive in order: the letter is sent first.
            log.warn("{} {} concerns letter {}, which is not known here as a letter to {}", envelope.type(),
                    envelope.id(), letterId, envelope.country());
            return null;
        }
        LetterRecord changed = change.apply(found.letter());
        if (!changed.equals(found.letter())) {
            readModel.save(LetterDocument.COLLECTION, letterId,
                    new LetterDocument(letterId, envelope.country(), changed, found.number()));
        }
        return changed;
    }
}
