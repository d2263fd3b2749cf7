package org.followuptracker.query.timeline;

import java.util.List;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterPublished;
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
import org.followuptracker.query.projection.AppliedEvent;
import org.followuptracker.query.projection.EventType;
import org.followuptracker.query.projection.Projection;
import org.followuptracker.query.store.LookAhead;
import org.followuptracker.query.store.ReadModel;
import org.followuptracker.query.store.StoredCollection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps each country's timeline: every letter, follow-up, due date, publication, response, position, finding and
 * retraction, an entry each; and every recommendation whose day it was made is known (from a UN document), on that day. A
 * recommendation recorded without that day (our own, or one urged by a letter) shows through the letters that
 * urge it, not on the day someone typed it in. A retracted fact's entry stays, marked retracted; the retraction
 * is an entry of its own.
 */
@Component
@Order(4)
class TimelineProjection implements Projection {

    private final RecommendationTexts texts;

    TimelineProjection(RecommendationTexts texts) {
        this.texts = texts;
    }

    /**
     * All written last, after the other read models' (a reader who sees an entry, a response say, sees what it did:
     * the letter answered): where each entry is before the entry, so that an event applied again finds it; the parts
     * before the index that counts them.
     */
    @Override
    public List<StoredCollection> collections() {
        return List.of(StoredCollection.writtenLast(TimelinePlace.COLLECTION),
                StoredCollection.keptByCountry(TimelineMonth.COLLECTION, TimelineMonth.class, TimelineMonth::country,
                        part -> part.entries().size()),
                StoredCollection.perCountry(TimelineIndex.COLLECTION, TimelineIndex.class,
                        index -> index.months().size()));
    }

    /** What applying a batch looks up, read ahead: {@link TimelineReadAhead}. */
    @Override
    public void readAhead(List<EventEnvelope> events, LookAhead lookAhead) {
        TimelineReadAhead.readAhead(events, lookAhead);
    }

    @Override
    public void apply(ReceivedEvent received, ReadModel readModel) {
        EventEnvelope envelope = received.envelope();
        TrackerEvent event = envelope.event();
        // A switch expression, not a statement, so that the compiler names this place when a kind of event is added
        // (Java 17 holds only expressions to every constant); its value says only that a case ran.
        boolean entered = switch (EventType.of(event)) {
            case RECOMMENDATION_RECORDED -> {
                RecommendationRecorded e = (RecommendationRecorded) event;
                if (e.madeOn() != null) {
                    entry(readModel, envelope, null, List.of(e.recommendationId()), null, "Recommendation made"
                            + sources(e.sources()) + ": " + texts.shortTextOf(readModel, e.recommendationId()));
                }
                yield true;
            }
            case LETTER_SENT -> {
                LetterSent e = (LetterSent) event;
                entry(readModel, envelope, e.letterId(), e.recommendationIds(), null, "Letter sent by " + e.sender()
                        + " to " + e.recipient() + ": " + e.subject() + " (urges "
                        + count(e.recommendationIds().size(), "recommendation") + ")");
                yield true;
            }
            case RESPONSE_RECEIVED -> {
                ResponseReceived e = (ResponseReceived) event;
                entry(readModel, envelope, e.letterId(),
                        e.positions().stream().map(PositionTaken::recommendationId).toList(), e.responseId(),
                        "Response from " + e.from() + (e.summary() == null || e.summary().isBlank() ? "" : ": "
                                + e.summary()) + " (positions on " + count(e.positions().size(), "recommendation") + ")");
                yield true;
            }
            case FOLLOW_UP_SENT -> {
                FollowUpSent e = (FollowUpSent) event;
                entry(readModel, envelope, e.letterId(), List.of(), null, "Follow-up sent: " + e.summary()
                        + (e.responseDueBy() == null ? "" : " (answer now due by " + e.responseDueBy() + ")"));
                yield true;
            }
            case LETTER_PUBLISHED -> {
                LetterPublished e = (LetterPublished) event;
                entry(readModel, envelope, e.letterId(), List.of(), null, "Letter published"
                        + (e.url() == null ? "" : " at " + e.url()));
                yield true;
            }
            case RESPONSE_DUE_DATE_SET -> {
                ResponseDueDateSet e = (ResponseDueDateSet) event;
                entry(readModel, envelope, e.letterId(), List.of(), null, "Answer due by " + e.responseDueBy() + ": "
                        + e.reason());
                yield true;
            }
            case RESPONSE_DUE_DATE_EXTENDED -> {
                ResponseDueDateExtended e = (ResponseDueDateExtended) event;
                entry(readModel, envelope, e.letterId(), List.of(), null, "Answer due date extended to "
                        + e.responseDueBy() + ": " + e.reason());
                yield true;
            }
            case RESPONSE_DUE_DATE_WITHDRAWN -> {
                ResponseDueDateWithdrawn e = (ResponseDueDateWithdrawn) event;
                entry(readModel, envelope, e.letterId(), List.of(), null, "Answer due date withdrawn: " + e.reason());
                yield true;
            }
            case FACT_RETRACTED -> {
                retract(readModel, envelope, (FactRetracted) event);
                yield true;
            }
            case POSITION_RECORDED -> {
                PositionRecorded e = (PositionRecorded) event;
                entry(readModel, envelope, null, List.of(e.recommendationId()), null, "Position " + e.position()
                        + " on " + texts.shortTextOf(readModel, e.recommendationId()) + " (source: " + e.source() + ")");
                yield true;
            }
            case RECOMMENDATION_IMPLEMENTED -> {
                RecommendationImplemented e = (RecommendationImplemented) event;
                finding(readModel, envelope, e.recommendationId(), "Found implemented", e.evidence());
                yield true;
            }
            case RECOMMENDATION_PARTIALLY_IMPLEMENTED -> {
                RecommendationPartiallyImplemented e = (RecommendationPartiallyImplemented) event;
                finding(readModel, envelope, e.recommendationId(), "Found partially implemented", e.evidence());
                yield true;
            }
            case RECOMMENDATION_NOT_IMPLEMENTED -> {
                RecommendationNotImplemented e = (RecommendationNotImplemented) event;
                finding(readModel, envelope, e.recommendationId(), "Found not implemented", e.evidence());
                yield true;
            }
        };
    }

    /** The retracted fact's entry is marked (once); the retraction itself becomes an entry. */
    private void retract(ReadModel readModel, EventEnvelope envelope, FactRetracted e) {
        AppliedEvent retracted = readModel.find(AppliedEvent.COLLECTION, e.retractedEventId(), AppliedEvent.class);
        TimelinePlace place = readModel.find(TimelinePlace.COLLECTION, e.retractedEventId(), TimelinePlace.class);
        TimelineMonth month = place == null ? null
                : readModel.find(TimelineMonth.COLLECTION, place.partKey(), TimelineMonth.class);
        TimelineEntry original = month == null ? null : month.entry(e.retractedEventId());
        if (original != null && original.retraction() == null) {
            readModel.save(TimelineMonth.COLLECTION, month.key(), month.replaced(original.retracted(
                    new TimelineEntry.Retraction(e.reason(), e.retractedOn().toString(),
                            envelope.recordedAt().toInstant(), envelope.actor(), envelope.id()))));
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

    /**
     * Adds the event's entry to the last part of its month (or begins the next part), once, and counts the month's
     * entries and parts in the country's index.
     */
    private void entry(ReadModel readModel, EventEnvelope envelope, String letterId, List<String> recommendationIds,
            String responseId, String summary) {
        String country = envelope.country();
        String month = TimelineMonth.monthOf(envelope);
        TimelineIndex index = readModel.find(TimelineIndex.COLLECTION, country, TimelineIndex.class);
        if (index == null) {
            index = new TimelineIndex(country, List.of());
        }
        TimelineIndex.MonthCount count = index.month(month);
        int parts = count == null ? 1 : count.parts();
        TimelineMonth part = placed(readModel, envelope.id());
        if (part == null) {
            part = readModel.find(TimelineMonth.COLLECTION, TimelineMonth.key(country, month, parts - 1), TimelineMonth.class);
            if (part == null && count != null) {
                // Parts are written before the index that counts them: never begin again a month the index counts.
                throw new IllegalStateException("the timeline of " + country + " counts " + parts + " parts for " + month
                        + ", but its last part " + TimelineMonth.key(country, month, parts - 1) + " is missing");
            }
            if (part == null) {
                part = TimelineMonth.empty(country, month);
            }
            while (part.full()) {
                TimelineMonth next = readModel.find(TimelineMonth.COLLECTION, part.next().key(), TimelineMonth.class);
                part = next != null ? next : part.next();
            }
            readModel.save(TimelinePlace.COLLECTION, envelope.id(), new TimelinePlace(envelope.id(), part.key()));
            part = part.with(new TimelineEntry(envelope.id(), EventType.of(envelope.event()).typeName(),
                    envelope.occurredOn() == null ? null : envelope.occurredOn().toString(),
                    envelope.recordedAt().toInstant(), summary, letterId, recommendationIds, responseId,
                    envelope.actor(), envelope.source(), null));
            readModel.save(TimelineMonth.COLLECTION, part.key(), part);
        }
        // Only the month's last part tells how many entries it holds; an event applied again may have found an earlier.
        if (part.part() + 1 >= parts) {
            TimelineIndex counted = index.with(month, part.upToHere(), part.part() + 1);
            if (!counted.equals(index)) {
                readModel.save(TimelineIndex.COLLECTION, country, counted);
            }
        }
    }

    /** The part that holds the event's entry already (it is applied again), or null. */
    private static TimelineMonth placed(ReadModel readModel, String eventId) {
        TimelinePlace place = readModel.find(TimelinePlace.COLLECTION, eventId, TimelinePlace.class);
        if (place == null) {
            return null;
        }
        // The place is written before the part: a write cut short between them left a place and no entry.
        TimelineMonth part = readModel.find(TimelineMonth.COLLECTION, place.partKey(), TimelineMonth.class);
        return part != null && part.contains(eventId) ? part : null;
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
