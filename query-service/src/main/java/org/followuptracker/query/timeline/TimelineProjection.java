package org.followuptracker.query.timeline;

import java.util.List;
import java.util.function.UnaryOperator;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.PositionRecorded;
import org.followuptracker.events.RecommendationImplemented;
import org.followuptracker.events.RecommendationNotImplemented;
import org.followuptracker.events.RecommendationPartiallyImplemented;
import org.followuptracker.events.ResponseDueDateExtended;
import org.followuptracker.events.ResponseDueDateSet;
import org.followuptracker.events.ResponseDueDateWithdrawn;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.events.TrackerEvent;
import org.followuptracker.query.consuming.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each country's timeline (letters, responses, findings, each an entry) and which of its letters still await
 * an answer. Recording a recommendation is not an entry of its own: the letter that urges it is. The letter's
 * state is written before its entry, so a reader who sees the entry also sees the letter open or answered.
 */
@Component
@Order(2)
class TimelineProjection implements Projection {

    private static final Logger log = LoggerFactory.getLogger(TimelineProjection.class);

    private final MongoTemplate mongo;
    private final RecommendationTexts texts;

    TimelineProjection(MongoTemplate mongo, RecommendationTexts texts) {
        this.mongo = mongo;
        this.texts = texts;
    }

    @Override
    public void apply(EventEnvelope envelope) {
        TrackerEvent event = envelope.event();
        if (event instanceof LetterSent e) {
            if (mongo.findById(e.letterId(), LetterDocument.class) == null) {
                String dueBy = e.responseDueBy() == null ? null : e.responseDueBy().toString();
                mongo.save(new LetterDocument(e.letterId(), e.country(), e.sentOn().toString(), dueBy, e.subject(),
                        List.of(), List.of(new LetterDocument.DueDate(envelope.id(), dueBy)), false, List.of()));
            }
            entry(envelope, e.letterId(), e.recommendationIds(), null, "Letter sent by " + e.sender() + " to "
                    + e.recipient() + ": " + e.subject() + " (urges " + count(e.recommendationIds().size(), "recommendation") + ")");
        } else if (event instanceof ResponseReceived e) {
            String summary = "Response from " + e.from()
                    + (e.summary() == null || e.summary().isBlank() ? "" : ": " + e.summary())
                    + " (positions on " + count(e.positions().size(), "recommendation") + ")";
            updateLetter(envelope, e.letterId(), letter -> letter.answeredBy(envelope.id(), e.responseId()));
            entry(envelope, e.letterId(), e.positions().stream().map(p -> p.recommendationId()).toList(), e.responseId(),
                    summary);
        } else if (event instanceof FollowUpSent e) {
            if (e.responseDueBy() != null) {
                updateLetter(envelope, e.letterId(), letter -> letter.dueBy(envelope.id(), e.responseDueBy().toString()));
            }
            entry(envelope, e.letterId(), List.of(), null, "Follow-up sent: " + e.summary()
                    + (e.responseDueBy() == null ? "" : " (answer now due by " + e.responseDueBy() + ")"));
        } else if (event instanceof ResponseDueDateSet e) {
            updateLetter(envelope, e.letterId(), letter -> letter.dueBy(envelope.id(), e.responseDueBy().toString()));
            entry(envelope, e.letterId(), List.of(), null, "Answer due by " + e.responseDueBy() + ": " + e.reason());
        } else if (event instanceof ResponseDueDateExtended e) {
            updateLetter(envelope, e.letterId(), letter -> letter.dueBy(envelope.id(), e.responseDueBy().toString()));
            entry(envelope, e.letterId(), List.of(), null, "Answer due date extended to " + e.responseDueBy() + ": "
                    + e.reason());
        } else if (event instanceof ResponseDueDateWithdrawn e) {
            updateLetter(envelope, e.letterId(), letter -> letter.dueBy(envelope.id(), null));
            entry(envelope, e.letterId(), List.of(), null, "Answer due date withdrawn: " + e.reason());
        } else if (event instanceof FactRetracted e) {
            retract(envelope, e);
        } else if (event instanceof PositionRecorded e) {
            entry(envelope, null, List.of(e.recommendationId()), null, "Position " + e.position() + " on "
                    + texts.shortTextOf(e.recommendationId()) + " (source: " + e.source() + ")");
        } else if (event instanceof RecommendationImplemented e) {
            finding(envelope, e.recommendationId(), "Found implemented", e.evidence());
        } else if (event instanceof RecommendationPartiallyImplemented e) {
            finding(envelope, e.recommendationId(), "Found partially implemented", e.evidence());
        } else if (event instanceof RecommendationNotImplemented e) {
            finding(envelope, e.recommendationId(), "Found not implemented", e.evidence());
        }
    }

    /**
     * Changes the letter's state. Applying an event again gives the same state: each change sets a value or adds
     * a response id once. (A due date re-applied out of order cannot happen: one letter's events are in order.)
     */
    private void updateLetter(EventEnvelope envelope, String letterId, UnaryOperator<LetterDocument> change) {
        LetterDocument letter = mongo.findById(letterId, LetterDocument.class);
        if (letter == null) {
            log.warn("{} {} concerns letter {}, which is not known here", envelope.type(), envelope.id(), letterId);
            return;
        }
        LetterDocument changed = change.apply(letter);
        if (!changed.equals(letter)) {
            mongo.save(changed);
        }
    }

    /** The retracted fact's entry stays, marked retracted; its effect on the letter is undone; the retraction is an entry. */
    private void retract(EventEnvelope envelope, FactRetracted e) {
        TimelineEntryDocument original = mongo.findById(e.retractedEventId(), TimelineEntryDocument.class);
        TimelineEntryDocument.Retraction why = new TimelineEntryDocument.Retraction(e.reason(),
                e.retractedOn().toString(), envelope.recordedAt().toInstant(), envelope.actor(), envelope.id());
        if (original != null && original.retraction() == null) {
            mongo.save(original.retracted(why));
        }
        if (mongo.findById(e.aggregateId(), LetterDocument.class) != null) {
            String responseId = original == null ? null : original.responseId();
            updateLetter(envelope, e.aggregateId(), letter -> letter.without(e.retractedEventId(), e.retractedType(),
                    responseId));
        }
        List<String> recommendationIds = original != null ? original.recommendationIds()
                : "Recommendation".equals(envelope.aggregateType()) ? List.of(e.aggregateId()) : List.of();
        entry(envelope, original == null ? null : original.letterId(), recommendationIds, null,
                "Retracted: " + (original == null ? e.retractedType() : original.summary()) + " (reason: " + e.reason() + ")");
    }

    private void finding(EventEnvelope envelope, String recommendationId, String what, String evidence) {
        entry(envelope, null, List.of(recommendationId), null,
                what + ": " + texts.shortTextOf(recommendationId) + " (evidence: " + evidence + ")");
    }

    /**
     * Writes the event's entry once: a redelivered event finds it there and leaves it as it is, with any retraction
     * recorded since. One write, no read, on the path of every event.
     */
    private void entry(EventEnvelope envelope, String letterId, List<String> recommendationIds, String responseId,
            String summary) {
        try {
            mongo.insert(new TimelineEntryDocument(envelope.id(), envelope.country(),
                    envelope.event().getClass().getSimpleName(),
                    envelope.occurredOn() == null ? null : envelope.occurredOn().toString(),
                    envelope.recordedAt().toInstant(), summary, letterId, recommendationIds, responseId, envelope.actor(),
                    envelope.source(), null));
        } catch (DuplicateKeyException alreadyThere) {
            log.debug("entry {} is already on the timeline", envelope.id());
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
