package org.followuptracker.query.timeline;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.query.store.IsoDays;
import org.springframework.data.annotation.Id;

/**
 * A country's timeline entries of one month (by the day things happened), or a part of them: the entries are kept in
 * parts of at most {@link #PART_ENTRIES}, in the order they were recorded, the first under the month's key
 * {@code KAZ:2012-10}, the next under {@code KAZ:2012-10#1} and so on ({@link TimelineIndex} counts them). An event
 * adds to the last part only, so what a batch writes stays the same size however many entries the month has (and no
 * document nears MongoDB's 16 MB limit). A page of the timeline reads every part of the months it shows, by key, in
 * any store. {@code entriesBefore}: how many entries the month's earlier parts hold.
 */
public record TimelineMonth(@Id String key, String country, String month, Integer part, Integer entriesBefore,
        List<TimelineEntry> entries) {

    public static final String COLLECTION = "timeline";
    /**
     * The most entries a part holds: some 10 KB. A batch writes the last part of each month it adds to, whole; with 100
     * entries (some 40 KB) those parts were 40% of the bytes a 500-event batch wrote in B2, and writing them cost more
     * than writing its 500 audit entries.
     */
    static final int PART_ENTRIES = 25;

    public TimelineMonth {
        part = part == null ? 0 : part;
        entriesBefore = entriesBefore == null ? 0 : entriesBefore;
        entries = entries == null ? List.of() : entries;
    }

    /** The month an event belongs to on the timeline: when it happened, or else when it was recorded. */
    static String monthOf(EventEnvelope envelope) {
        LocalDate day = envelope.occurredOn() != null ? envelope.occurredOn()
                : envelope.recordedAt().toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        return IsoDays.monthOf(day);
    }

    /** The key of the month's first part. */
    public static String key(String country, String month) {
        return key(country, month, 0);
    }

    public static String key(String country, String month, int part) {
        return part == 0 ? country + ":" + month : country + ":" + month + "#" + part;
    }

    static TimelineMonth empty(String country, String month) {
        return new TimelineMonth(key(country, month), country, month, 0, 0, List.of());
    }

    /** The part after this one, empty. */
    TimelineMonth next() {
        return new TimelineMonth(key(country, month, part + 1), country, month, part + 1, upToHere(), List.of());
    }

    boolean full() {
        return entries.size() >= PART_ENTRIES;
    }

    /** How many entries the month holds up to the end of this part. */
    int upToHere() {
        return entriesBefore + entries.size();
    }

    boolean contains(String eventId) {
        return entries.stream().anyMatch(entry -> entry.eventId().equals(eventId));
    }

    TimelineMonth with(TimelineEntry entry) {
        return new TimelineMonth(key, country, month, part, entriesBefore, Stream.concat(entries.stream(), Stream.of(entry)).toList());
    }

    TimelineMonth replaced(TimelineEntry changed) {
        return new TimelineMonth(key, country, month, part, entriesBefore, entries.stream()
                .map(entry -> entry.eventId().equals(changed.eventId()) ? changed : entry)
                .toList());
    }

    TimelineEntry entry(String eventId) {
        return entries.stream().filter(entry -> entry.eventId().equals(eventId)).findFirst().orElse(null);
    }
}
