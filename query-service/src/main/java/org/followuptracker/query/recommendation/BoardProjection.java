package org.followuptracker.query.recommendation;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.PositionRecorded;
import org.followuptracker.events.PositionTaken;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.events.RecommendationImplemented;
import org.followuptracker.events.RecommendationNotImplemented;
import org.followuptracker.events.RecommendationPartiallyImplemented;
import org.followuptracker.events.RecommendationRecorded;
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

/** Keeps the board of recommendations: every urging of each, every position taken on it, every finding. */
@Component
@Order(1)
class BoardProjection implements Projection {

    private static final Logger log = LoggerFactory.getLogger(BoardProjection.class);

    @Override
    public List<StoredCollection> collections() {
        return List.of(StoredCollection.documents(RecommendationDocument.COLLECTION, RecommendationDocument.class,
                        AppliedEvent::recommendationIdsIn),
                StoredCollection.writtenLast(RecommendationDocument.INDEX_PARTS),
                StoredCollection.perCountry(RecommendationDocument.INDEX, CountryIndex.class,
                        index -> index.ids().size()),
                StoredCollection.perCountry(RecommendationDocument.CHANGES, CountryChanges.class,
                        CountryChanges::entries));
    }

    @Override
    public void apply(ReceivedEvent received, ReadModel readModel) {
        EventEnvelope envelope = received.envelope();
        Set<String> touched = new LinkedHashSet<>();
        apply(envelope, readModel, touched);
        // For every event of the country, so that readers can tell it is up to date. A recommendation the event
        // touched is told of also when nothing changed: that is an event applied again after a flush was cut short,
        // which may have written the recommendation but not this.
        CountryChanges changes = readModel.find(RecommendationDocument.CHANGES, envelope.country(), CountryChanges.class);
        readModel.save(RecommendationDocument.CHANGES, envelope.country(),
                (changes != null ? changes : CountryChanges.none(envelope.country())).after(envelope.id(), touched));
    }

    private void apply(EventEnvelope envelope, ReadModel readModel, Set<String> touched) {
        Instant recordedAt = envelope.recordedAt().toInstant();
        TrackerEvent event = envelope.event();
        // A switch expression, not a statement, so that the compiler names this place when a kind of event is added
        // (Java 17 holds only expressions to every constant); it yields whether the event concerns the board at all.
        boolean onTheBoard = switch (EventType.of(event)) {
            case RECOMMENDATION_RECORDED -> {
                recorded(readModel, touched, envelope, (RecommendationRecorded) event);
                yield true;
            }
            case LETTER_SENT -> {
                LetterSent e = (LetterSent) event;
                for (int i = 0; i < e.recommendationIds().size(); i++) {
                    RecommendationDocument.Urging urging = new RecommendationDocument.Urging(envelope.id(),
                            e.letterId(), e.sentOn().toString(), i, recordedAt, null);
                    update(readModel, touched, e.recommendationIds().get(i), envelope, doc -> doc.withUrging(urging));
                }
                yield true;
            }
            case RESPONSE_RECEIVED -> {
                ResponseReceived e = (ResponseReceived) event;
                for (PositionTaken taken : e.positions()) {
                    update(readModel, touched, taken.recommendationId(), envelope, doc -> doc.withPosition(
                            new RecommendationDocument.PositionRecord(envelope.id(), e.letterId(), e.responseId(), null,
                                    taken.position().name(), e.receivedOn().toString(), recordedAt, null)));
                }
                yield true;
            }
            case FACT_RETRACTED -> {
                FactRetracted e = (FactRetracted) event;
                AppliedEvent retracted = readModel.find(AppliedEvent.COLLECTION, e.retractedEventId(),
                        AppliedEvent.class);
                List<String> concerned = retracted != null ? retracted.recommendationIds()
                        : "Recommendation".equals(envelope.aggregateType()) ? List.of(e.aggregateId()) : List.of();
                Retraction retraction = new Retraction(envelope.id(), recordedAt);
                for (String recommendationId : concerned) {
                    update(readModel, touched, recommendationId, envelope,
                            doc -> doc.retracting(e.retractedEventId(), retraction));
                }
                yield true;
            }
            case POSITION_RECORDED -> {
                PositionRecorded e = (PositionRecorded) event;
                update(readModel, touched, e.recommendationId(), envelope, doc -> doc.withPosition(
                        new RecommendationDocument.PositionRecord(envelope.id(), null, null, e.source(),
                                e.position().name(), e.takenOn().toString(), recordedAt, null)));
                yield true;
            }
            case RECOMMENDATION_IMPLEMENTED -> {
                RecommendationImplemented e = (RecommendationImplemented) event;
                finding(readModel, touched, envelope, e.recommendationId(), "IMPLEMENTED", e.assessedOn().toString(),
                        e.evidence());
                yield true;
            }
            case RECOMMENDATION_PARTIALLY_IMPLEMENTED -> {
                RecommendationPartiallyImplemented e = (RecommendationPartiallyImplemented) event;
                finding(readModel, touched, envelope, e.recommendationId(), "PARTIALLY_IMPLEMENTED",
                        e.assessedOn().toString(), e.evidence());
                yield true;
            }
            case RECOMMENDATION_NOT_IMPLEMENTED -> {
                RecommendationNotImplemented e = (RecommendationNotImplemented) event;
                finding(readModel, touched, envelope, e.recommendationId(), "NOT_IMPLEMENTED",
                        e.assessedOn().toString(), e.evidence());
                yield true;
            }
            case FOLLOW_UP_SENT, RESPONSE_DUE_DATE_SET, RESPONSE_DUE_DATE_EXTENDED, RESPONSE_DUE_DATE_WITHDRAWN,
                    LETTER_PUBLISHED -> {
                // Letters' dates and publications: nothing on the board.
                yield false;
            }
        };
    }

    /** A recommendation recorded: its document, numbered, and its place in the country's index. */
    private void recorded(ReadModel readModel, Set<String> touched, EventEnvelope envelope, RecommendationRecorded e) {
        touched.add(e.recommendationId());
        CountryIndex index = readModel.find(RecommendationDocument.INDEX, e.country(), CountryIndex.class);
        CountryIndex current = index == null ? CountryIndex.empty(e.country()) : index;
        RecommendationDocument found = readModel.find(RecommendationDocument.COLLECTION, e.recommendationId(),
                RecommendationDocument.class);
        if (found == null) {
            readModel.save(RecommendationDocument.COLLECTION, e.recommendationId(), new RecommendationDocument(
                    e.recommendationId(), e.country(), e.text(), e.mechanism() == null ? null : e.mechanism().name(),
                    e.sources(), e.themes(), e.madeOn() == null ? null : e.madeOn().toString(), envelope.id(),
                    envelope.recordedAt().toInstant(), null, List.of(), List.of(), List.of(), current.size()));
        }
        // Also when the recommendation was known: a flush cut short may have written it but not the index.
        if (found == null || !found.indexedIn(current)) {
            readModel.save(RecommendationDocument.INDEX, e.country(), current.with(e.recommendationId(), readModel, RecommendationDocument.INDEX_PARTS));
        }
    }

    private void finding(ReadModel readModel, Set<String> touched, EventEnvelope envelope, String recommendationId,
            String status, String assessedOn, String evidence) {
        update(readModel, touched, recommendationId, envelope, doc -> doc.withFinding(new RecommendationDocument.Finding(
                envelope.id(), status, assessedOn, evidence, envelope.recordedAt().toInstant(), null)));
    }

    private void update(ReadModel readModel, Set<String> touched, String recommendationId, EventEnvelope envelope,
            UnaryOperator<RecommendationDocument> change) {
        RecommendationDocument current = readModel.find(RecommendationDocument.COLLECTION, recommendationId,
                RecommendationDocument.class);
        if (current == null) {
            // Cannot happen while each country's events arrive in order: the recommendation is recorded first.
            log.warn("{} {} refers to recommendation {}, which is not on the board", envelope.type(), envelope.id(),
                    recommendationId);
            return;
        }
        touched.add(recommendationId);
        RecommendationDocument changed = change.apply(current);
        if (!changed.equals(current)) {
            readModel.save(RecommendationDocument.COLLECTION, recommendationId, changed);
        }
    }
}
