package org.followuptracker.query.recommendation;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.PositionRecorded;
import org.followuptracker.events.PositionTaken;
import org.followuptracker.events.RecommendationImplemented;
import org.followuptracker.events.RecommendationNotImplemented;
import org.followuptracker.events.RecommendationPartiallyImplemented;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.query.consuming.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Keeps the board of recommendations: how often each was urged, the latest position on it, its implementation. */
@Component
@Order(1)
class RecommendationBoardProjection implements Projection {

    private static final Logger log = LoggerFactory.getLogger(RecommendationBoardProjection.class);

    private final MongoTemplate mongo;

    RecommendationBoardProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void apply(EventEnvelope envelope) {
        Instant recordedAt = envelope.recordedAt().toInstant();
        if (envelope.event() instanceof RecommendationRecorded e) {
            if (mongo.findById(e.recommendationId(), RecommendationDocument.class) == null) {
                mongo.save(RecommendationDocument.recorded(e.recommendationId(), e.country(), e.text(),
                        e.mechanism() == null ? null : e.mechanism().name(), e.sources(), e.themes()));
            }
        } else if (envelope.event() instanceof LetterSent e) {
            for (int i = 0; i < e.recommendationIds().size(); i++) {
                RecommendationDocument.Urging urging = new RecommendationDocument.Urging(envelope.id(), e.letterId(),
                        e.sentOn().toString(), i);
                update(e.recommendationIds().get(i), envelope, doc -> doc.withUrging(urging));
            }
        } else if (envelope.event() instanceof ResponseReceived e) {
            for (PositionTaken taken : e.positions()) {
                update(taken.recommendationId(), envelope, doc -> doc.withPosition(new RecommendationDocument.PositionRecord(
                        envelope.id(), e.letterId(), e.responseId(), null, taken.position().name(), e.receivedOn().toString(),
                        recordedAt)));
            }
        } else if (envelope.event() instanceof FactRetracted e) {
            retract(envelope, e);
        } else if (envelope.event() instanceof PositionRecorded e) {
            update(e.recommendationId(), envelope, doc -> doc.withPosition(new RecommendationDocument.PositionRecord(
                    envelope.id(), null, null, e.source(), e.position().name(), e.takenOn().toString(), recordedAt)));
        } else if (envelope.event() instanceof RecommendationImplemented e) {
            finding(envelope, e.recommendationId(), "IMPLEMENTED", e.assessedOn().toString(), e.evidence());
        } else if (envelope.event() instanceof RecommendationPartiallyImplemented e) {
            finding(envelope, e.recommendationId(), "PARTIALLY_IMPLEMENTED", e.assessedOn().toString(), e.evidence());
        } else if (envelope.event() instanceof RecommendationNotImplemented e) {
            finding(envelope, e.recommendationId(), "NOT_IMPLEMENTED", e.assessedOn().toString(), e.evidence());
        }
    }

    /** Undoes a retracted fact on every recommendation it touched: its urging, positions, a finding, or itself. */
    private void retract(EventEnvelope envelope, FactRetracted e) {
        if (e.retractedType().equals("RecommendationRecorded")) {
            update(e.aggregateId(), envelope, doc -> doc.withdrawn(e.retractedEventId()));
            return;
        }
        Query touched = new Query(new Criteria().orOperator(
                Criteria.where("_id").is(e.aggregateId()),
                Criteria.where("urgings.eventId").is(e.retractedEventId()),
                Criteria.where("positions.eventId").is(e.retractedEventId())));
        for (RecommendationDocument doc : mongo.find(touched, RecommendationDocument.class)) {
            update(doc.recommendationId(), envelope, current -> current.without(e.retractedEventId()));
        }
    }

    private void finding(EventEnvelope envelope, String recommendationId, String status, String assessedOn, String evidence) {
        update(recommendationId, envelope, doc -> doc.withFinding(new RecommendationDocument.Finding(
                envelope.id(), status, assessedOn, evidence, envelope.recordedAt().toInstant())));
    }

    private void update(String recommendationId, EventEnvelope envelope, UnaryOperator<RecommendationDocument> change) {
        RecommendationDocument current = mongo.findById(recommendationId, RecommendationDocument.class);
        if (current == null) {
            // Cannot happen while each country's events arrive in order: the recommendation is recorded first.
            log.warn("{} {} refers to recommendation {}, which is not on the board", envelope.type(), envelope.id(),
                    recommendationId);
            return;
        }
        RecommendationDocument changed = change.apply(current);
        if (changed != current) {
            mongo.save(changed);
        }
    }
}
