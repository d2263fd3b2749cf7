package org.followuptracker.query.consuming;

import java.time.LocalDate;
import java.util.List;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
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
import org.followuptracker.query.readmodel.IsoDays;
import org.springframework.data.annotation.Id;

/**
 * An event every projection has applied, with what a later retraction of it needs to know: the timeline month it
 * is in, and the letter and recommendations it concerned. Written after the projections, so an event found here
 * is skipped whole when delivered again.
 */
public record AppliedEvent(
        @Id String eventId,
        String country,
        String type,
        String month,
        String letterId,
        String responseId,
        List<String> recommendationIds) {

    public static final String COLLECTION = "applied_events";

    public static AppliedEvent of(EventEnvelope envelope) {
        TrackerEvent event = envelope.event();
        return new AppliedEvent(envelope.id(), envelope.country(), event.getClass().getSimpleName(), monthOf(envelope),
                letterIdOf(event), event instanceof ResponseReceived r ? r.responseId() : null,
                recommendationIdsOf(envelope));
    }

    /** The month an event belongs to on the timeline: when it happened, or else when it was recorded. */
    public static String monthOf(EventEnvelope envelope) {
        LocalDate day = envelope.occurredOn() != null ? envelope.occurredOn() : envelope.recordedAt().toInstant().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        return IsoDays.monthOf(day);
    }

    /** The letter an event concerns by its letter id, or null. */
    public static String letterIdOf(TrackerEvent event) {
        if (event instanceof LetterSent e) {
            return e.letterId();
        } else if (event instanceof ResponseReceived e) {
            return e.letterId();
        } else if (event instanceof FollowUpSent e) {
            return e.letterId();
        } else if (event instanceof ResponseDueDateSet e) {
            return e.letterId();
        } else if (event instanceof ResponseDueDateExtended e) {
            return e.letterId();
        } else if (event instanceof ResponseDueDateWithdrawn e) {
            return e.letterId();
        }
        return null;
    }

    /** The recommendations an event concerns, or none. */
    public static List<String> recommendationIdsOf(EventEnvelope envelope) {
        TrackerEvent event = envelope.event();
        if (event instanceof LetterSent e) {
            return e.recommendationIds();
        } else if (event instanceof ResponseReceived e) {
            return e.positions().stream().map(PositionTaken::recommendationId).toList();
        } else if (event instanceof RecommendationRecorded e) {
            return List.of(e.recommendationId());
        } else if (event instanceof PositionRecorded e) {
            return List.of(e.recommendationId());
        } else if (event instanceof RecommendationImplemented e) {
            return List.of(e.recommendationId());
        } else if (event instanceof RecommendationPartiallyImplemented e) {
            return List.of(e.recommendationId());
        } else if (event instanceof RecommendationNotImplemented e) {
            return List.of(e.recommendationId());
        } else if (event instanceof FactRetracted e && "Recommendation".equals(envelope.aggregateType())) {
            return List.of(e.aggregateId());
        }
        return List.of();
    }
}
