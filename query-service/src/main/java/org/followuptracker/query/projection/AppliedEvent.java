package org.followuptracker.query.projection;

import java.util.List;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterPublished;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.PositionRecorded;
import org.followuptracker.events.PositionTaken;
import org.followuptracker.events.RecommendationImplemented;
import org.followuptracker.events.RecommendationNotImplemented;
import org.followuptracker.events.RecommendationPartiallyImplemented;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseDueDateExtended;
import org.followuptracker.events.ResponseDueDateSet;
import org.followuptracker.events.ResponseDueDateWithdrawn;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.events.TrackerEvent;
import org.springframework.data.annotation.Id;

/**
 * An event every projection has applied, with what a later retraction of it needs to know: the letter and
 * recommendations it concerned. Written after the projections, so an event found here
 * is skipped whole when delivered again.
 */
public record AppliedEvent(
        @Id String eventId,
        String country,
        String type,
        String letterId,
        String responseId,
        List<String> recommendationIds) {

    public static final String COLLECTION = "applied_events";

    public static AppliedEvent of(EventEnvelope envelope) {
        TrackerEvent event = envelope.event();
        return new AppliedEvent(envelope.id(), envelope.country(), EventType.of(event).typeName(),
                letterIdOf(event), event instanceof ResponseReceived r ? r.responseId() : null,
                recommendationIdsOf(envelope));
    }

    /** The letter an event concerns by its letter id, or null. */
    public static String letterIdOf(TrackerEvent event) {
        return switch (EventType.of(event)) {
            case LETTER_SENT -> ((LetterSent) event).letterId();
            case RESPONSE_RECEIVED -> ((ResponseReceived) event).letterId();
            case FOLLOW_UP_SENT -> ((FollowUpSent) event).letterId();
            case RESPONSE_DUE_DATE_SET -> ((ResponseDueDateSet) event).letterId();
            case RESPONSE_DUE_DATE_EXTENDED -> ((ResponseDueDateExtended) event).letterId();
            case RESPONSE_DUE_DATE_WITHDRAWN -> ((ResponseDueDateWithdrawn) event).letterId();
            case LETTER_PUBLISHED -> ((LetterPublished) event).letterId();
            // A retraction names its letter as its aggregate (see LetterProjection), not by a letter id.
            case RECOMMENDATION_RECORDED, POSITION_RECORDED, RECOMMENDATION_IMPLEMENTED,
                    RECOMMENDATION_PARTIALLY_IMPLEMENTED, RECOMMENDATION_NOT_IMPLEMENTED, FACT_RETRACTED -> null;
        };
    }

    /** The recommendations a batch of events concerns, each once: what applying them looks up, read ahead. */
    public static List<String> recommendationIdsIn(List<EventEnvelope> events) {
        return events.stream().flatMap(envelope -> recommendationIdsOf(envelope).stream()).distinct().toList();
    }

    /** The recommendations an event concerns, or none. */
    public static List<String> recommendationIdsOf(EventEnvelope envelope) {
        TrackerEvent event = envelope.event();
        return switch (EventType.of(event)) {
            case LETTER_SENT -> ((LetterSent) event).recommendationIds();
            case RESPONSE_RECEIVED -> ((ResponseReceived) event).positions().stream()
                    .map(PositionTaken::recommendationId).toList();
            case RECOMMENDATION_RECORDED -> List.of(((RecommendationRecorded) event).recommendationId());
            case POSITION_RECORDED -> List.of(((PositionRecorded) event).recommendationId());
            case RECOMMENDATION_IMPLEMENTED -> List.of(((RecommendationImplemented) event).recommendationId());
            case RECOMMENDATION_PARTIALLY_IMPLEMENTED ->
                    List.of(((RecommendationPartiallyImplemented) event).recommendationId());
            case RECOMMENDATION_NOT_IMPLEMENTED -> List.of(((RecommendationNotImplemented) event).recommendationId());
            case FACT_RETRACTED -> "Recommendation".equals(envelope.aggregateType())
                    ? List.of(((FactRetracted) event).aggregateId()) : List.of();
            case FOLLOW_UP_SENT, RESPONSE_DUE_DATE_SET, RESPONSE_DUE_DATE_EXTENDED, RESPONSE_DUE_DATE_WITHDRAWN,
                    LETTER_PUBLISHED -> List.of();
        };
    }
}
