package org.followuptracker.query.timeline;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.query.projection.AppliedEvent;
import org.followuptracker.query.recommendation.RecommendationDocument;
import org.followuptracker.query.store.LookAhead;

/**
 * What applying a batch of events to the timeline looks up ({@link TimelineProjection}), read ahead in a few round
 * trips for the whole batch: the countries' indexes, where the events' entries are if they have any yet (an event
 * applied again) and the retracted facts', the parts of each month the events add to (the last, and those they may
 * begin after it), and the recommendations whose texts entries name.
 */
final class TimelineReadAhead {

    private TimelineReadAhead() {
    }

    private record CountryMonth(String country, String month) {
    }

    static void readAhead(List<EventEnvelope> events, LookAhead lookAhead) {
        List<EventEnvelope> entered = events.stream()
                .filter(envelope -> !(envelope.event() instanceof RecommendationRecorded e && e.madeOn() == null)).toList();
        // The countries' indexes are read ahead as declared (TimelineProjection#collections).
        // Where the events' entries are, if they have any yet (an event applied again), and the retracted facts'.
        List<String> enteredIds = entered.stream().map(EventEnvelope::id).toList();
        List<String> retractedIds = events.stream().map(EventEnvelope::event).filter(FactRetracted.class::isInstance)
                .map(event -> ((FactRetracted) event).retractedEventId()).toList();
        lookAhead.readAheadOfEvents(TimelinePlace.COLLECTION, enteredIds, TimelinePlace.class);
        lookAhead.readAhead(TimelinePlace.COLLECTION, retractedIds, TimelinePlace.class);
        List<String> placed = Stream.concat(enteredIds.stream(), retractedIds.stream()).distinct().toList();
        // The last part of each month the events add to, the next one where they may fill it, and the parts that hold
        // entries already (events applied again, retracted facts).
        Map<CountryMonth, Integer> added = new LinkedHashMap<>();
        entered.forEach(envelope -> added.merge(new CountryMonth(envelope.country(), TimelineMonth.monthOf(envelope)), 1,
                Integer::sum));
        Set<String> parts = new LinkedHashSet<>();
        added.forEach((month, entries) -> {
            TimelineIndex index = lookAhead.find(TimelineIndex.COLLECTION, month.country(), TimelineIndex.class);
            TimelineIndex.MonthCount count = index == null ? null : index.month(month.month());
            int last = count == null ? 0 : count.parts() - 1;
            int inLast = count == null ? 0 : count.entries() - TimelineMonth.PART_ENTRIES * last;
            // The last part and every part the batch's entries for the month may begin after it.
            for (int part = last; part <= last + (inLast + entries) / TimelineMonth.PART_ENTRIES; part++) {
                parts.add(TimelineMonth.key(month.country(), month.month(), part));
            }
        });
        for (String eventId : placed) {
            TimelinePlace place = lookAhead.find(TimelinePlace.COLLECTION, eventId, TimelinePlace.class);
            if (place != null) {
                parts.add(place.partKey());
            }
        }
        lookAhead.readAhead(TimelineMonth.COLLECTION, parts, TimelineMonth.class);
        // For the texts of the recommendations that entries name.
        lookAhead.readAhead(RecommendationDocument.COLLECTION, AppliedEvent.recommendationIdsIn(entered),
                RecommendationDocument.class);
    }
}
