package org.followuptracker.query.timeline;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;

/**
 * A country's timeline entries of one month (by the day things happened), in one document keyed
 * {@code KAZ:2012-10}: a page of the timeline is one or two key lookups, in any store.
 */
public record TimelineMonth(@Id String key, String country, String month, List<TimelineEntry> entries) {

    public static final String COLLECTION = "timeline";

    public TimelineMonth {
        entries = entries == null ? List.of() : entries;
    }

    public static String key(String country, String month) {
        return country + ":" + month;
    }

    static TimelineMonth empty(String country, String month) {
        return new TimelineMonth(key(country, month), country, month, List.of());
    }

    boolean contains(String eventId) {
        return entries.stream().anyMatch(entry -> entry.eventId().equals(eventId));
    }

    TimelineMonth with(TimelineEntry entry) {
        return new TimelineMonth(key, country, month, Stream.concat(entries.stream(), Stream.of(entry)).toList());
    }

    TimelineMonth replaced(TimelineEntry changed) {
        return new TimelineMonth(key, country, month, entries.stream()
                .map(entry -> entry.eventId().equals(changed.eventId()) ? changed : entry)
                .toList());
    }

    TimelineEntry entry(String eventId) {
        return entries.stream().filter(entry -> entry.eventId().equals(eventId)).findFirst().orElse(null);
    }
}
