package org.followuptracker.query.timeline;

import java.util.List;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.PositionRecorded;
import org.followuptracker.events.PositionTaken;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.events.RecommendationImplemented;
import org.followuptracker.events.RecommendationNotImplemented;
import org.followuptracker.events.RecommendationPartiallyImplemented;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseDueDateExtended;
import org.followuptracker.events.ResponseDueDateSet;
import org.followuptracker.events.ResponseDueDateWithdrawn;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.events.TrackerEvent;
import org.followuptracker.events.UnSource;
import org.followuptracker.query.consuming.AppliedEvent;
import org.followuptracker.query.consuming.BatchKeys;
import org.followuptracker.query.consuming.Projection;
import org.followuptracker.query.readmodel.LookAhead;
import org.followuptracker.query.readmodel.ReadModel;
import org.followuptracker.query.recommendation.RecommendationDocument;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps each country's timeline: every letter, follow-up, due date, response, position, finding and retraction, an
 * entry each; and every recommendation whose day it was made is known (from a UN document), on that day. A
 * recommendation recorded without that day (our own, or one urged by a letter) shows through the letters that
 * urge it, not on the day someone typed it in. A retracted fact's entry stays, marked retracted; the retraction
 * is an entry of its own.
 */
@Component
@Order(2)
class TimelineProjection implements Projection {

    private final RecommendationTexts texts;

    TimelineProjection(RecommendationTexts texts) {
        this.texts = texts;
    }

    @Override
    public void readAhead(List<EventEnvelope> events, LookAhead lookAhead) {
        List<EventEnvelope> entered = events.stream()
                .filter(envelope -> !(envelope.event() instanceof RecommendationRecorded e && e.madeOn() == null)).toList();
        lookAhead.readAhead(TimelineMonth.COLLECTION, entered.stream()
                .map(envelope -> TimelineMonth.key(envelope.country(), AppliedEvent.monthOf(envelope))).distinct().toList(),
                TimelineMonth.class);
        lookAhead.readAhead(TimelineIndex.COLLECTION, BatchKeys.countries(entered), TimelineIndex.class);
        // For the texts of the recommendations that entries name.
        lookAhead.readAhead(RecommendationDocument.COLLECTION, BatchKeys.recommendationIds(entered),
                RecommendationDocument.class);
    }

    @Override
    public void apply(ReceivedEvent received, ReadModel readModel) {
        EventEnvelope envelope = received.envelope();
        TrackerEvent event = envelope.event();
        if (event instanceof RecommendationRecorded e) {
            if (e.madeOn() != null) {
                entry(readModel, envelope, null, List.of(e.recommendationId()), null, "Recommendation made"
                        + sources(e.sources()) + ": " + texts.shortTextOf(readModel, e.recommendationId()));
            }
        } else if (event instanceof LetterSent e) {
            entry(readModel, envelope, e.letterId(), e.recommendationIds(), null, "Letter sent by " + e.sender() + " to "
                    + e.recipient() + ": " + e.subject() + " (urges " + count(e.recommendationIds().size(), "recommendation") + ")");
        } else if (event instanceof ResponseReceived e) {
            entry(readModel, envelope, e.letterId(), e.positions().stream().map(PositionTaken::recommendationId).toList(),
                    e.responseId(), "Response from " + e.from()
                            + (e.summary() == null || e.summary().isBlank() ? "" : ": " + e.summary())
                            + " (positions on " + count(e.positions().size(), "recommendation") + ")");
        } else if (event instanceof FollowUpSent e) {
            entry(readModel, envelope, e.letterId(), List.of(), null, "Follow-up sent: " + e.summary()
                    + (e.responseDueBy() == null ? "" : " (answer now due by " + e.responseDueBy() + ")"));
        } else if (event instanceof ResponseDueDateSet e) {
            entry(readModel, envelope, e.letterId(), List.of(), null, "Answer due by " + e.responseDueBy() + ": " + e.reason());
        } else if (event instanceof ResponseDueDateExtended e) {
            entry(readModel, envelope, e.letterId(), List.of(), null, "Answer due date extended to " + e.responseDueBy()
                    + ": " + e.reason());
        } else if (event instanceof ResponseDueDateWithdrawn e) {
            entry(readModel, envelope, e.letterId(), List.of(), null, "Answer due date withdrawn: " + e.reason());
        } else if (event instanceof FactRetracted e) {
            retract(readModel, envelope, e);
        } else if (event instanceof PositionRecorded e) {
            entry(readModel, envelope, null, List.of(e.recommendationId()), null, "Position " + e.position() + " on "
                    + texts.shortTextOf(readModel, e.recommendationId()) + " (source: " + e.source() + ")");
        } else if (event instanceof RecommendationImplemented e) {
            finding(readModel, envelope, e.recommendationId(), "Found implemented", e.evidence());
        } else if (event instanceof RecommendationPartiallyImplemented e) {
            finding(readModel, envelope, e.recommendationId(), "Found partially implemented", e.evidence());
        } else if (event instanceof RecommendationNotImplemented e) {
            finding(readModel, envelope, e.recommendationId(), "Found not implemented", e.evidence());
        }
    }

    /** The retracted fact's entry is marked (once); the retraction itself becomes an entry. */
    private void retract(ReadModel readModel, EventEnvelope envelope, FactRetracted e) {
        AppliedEvent retracted = readModel.find(AppliedEvent.COLLECTION, e.retractedEventId(), AppliedEvent.class);
        TimelineEntry original = null;
        if (retracted != null) {
            String key = TimelineMonth.key(retracted.country(), retracted.month());
            TimelineMonth month = readModel.find(TimelineMonth.COLLECTION, key, TimelineMonth.class);
            original = month == null ? null : month.entry(e.retractedEventId());
            if (original != null && original.retraction() == null) {
                readModel.save(TimelineMonth.COLLECTION, key, month.replaced(original.retracted(new TimelineEntry.Retraction(
                        e.reason(), e.retractedOn().toString(), envelope.recordedAt().toInstant(), envelope.actor(),
                        envelope.id()))));
            }
        }
        List<String> recommendationIds = original != null ? original.recommendationIds()
                : retracted != null ? retracted.recommendationIds() : List.of();
        String what = original != null ? original.summary()
                : e.retractedType().equals("RecommendationRecorded")
                        ? "recommendation " + texts.shortTextOf(readModel, e.aggregateId()) : e.retractedType();
        entry(readModel, envelope, original == null ? null : original.letterId(), recommendationIds, null,
                "Retracted: " + what + " (reason: " + e.reason() + ")");
    }

    private void finding(ReadModel readModel, EventEnvelope envelope, String recommendationId, String what, String evidence) {
        entry(readModel, envelope, null, List.of(recommendationId), null,
                what + ": " + texts.shortTextOf(readModel, recommendationId) + " (evidence: " + evidence + ")");
    }

    /** Adds the event's entry to its month, once, and counts the month's entries in the country's index. */
    private void entry(ReadModel readModel, EventEnvelope envelope, String letterId, List<String> recommendationIds,
            String responseId, String summary) {
        String country = envelope.country();
        String month = AppliedEvent.monthOf(envelope);
        String key = TimelineMonth.key(country, month);
        TimelineMonth bucket = readModel.find(TimelineMonth.COLLECTION, key, TimelineMonth.class);
        if (bucket == null) {
            bucket = TimelineMonth.empty(country, month);
        }
        if (!bucket.contains(envelope.id())) {
            bucket = bucket.with(new TimelineEntry(envelope.id(), envelope.event().getClass().getSimpleName(),
                    envelope.occurredOn() == null ? null : envelope.occurredOn().toString(),
                    envelope.recordedAt().toInstant(), summary, letterId, recommendationIds, responseId, envelope.actor(),
                    envelope.source(), null));
            readModel.save(TimelineMonth.COLLECTION, key, bucket);
        }
        TimelineIndex index = readModel.find(TimelineIndex.COLLECTION, country, TimelineIndex.class);
        if (index == null) {
            index = new TimelineIndex(country, List.of());
        }
        TimelineIndex counted = index.with(month, bucket.entries().size());
        if (!counted.equals(index)) {
            readModel.save(TimelineIndex.COLLECTION, country, counted);
        }
    }

    /** " in A/HRC/14/10 (95.42) by France, Spain; CAT/C/KAZ/CO/2 (9)", or nothing. */
    private static String sources(List<UnSource> sources) {
        if (sources.isEmpty()) {
            return "";
        }
        return " in " + String.join("; ", sources.stream().map(source -> source.symbol()
                + (source.paragraph() == null ? "" : " (" + source.paragraph() + ")")
                + (source.recommendingStates().isEmpty() ? "" : " by " + String.join(", ", source.recommendingStates())))
                .toList());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
