package org.followuptracker.query.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The moment a view shows: by default now (everything recorded, "today" from the clock, which tests replace to
 * move time); with {@code asOf} (a date, meaning the end of that day UTC, or an instant), only what had been
 * recorded by then, and "today" is that day.
 *
 * @param knownAt facts recorded after this are not shown
 * @param today   the day waiting and overdue days are counted to
 * @param given   the moment asked for, or null for now
 */
public record AsOf(Instant knownAt, LocalDate today, Instant given) {

    public static AsOf of(String asOf, Clock clock) {
        if (asOf == null || asOf.isBlank()) {
            return new AsOf(Instant.MAX, LocalDate.now(clock), null);
        }
        Instant moment = Moments.instant("asOf", asOf, true);
        return new AsOf(moment, LocalDate.ofInstant(moment, ZoneOffset.UTC), moment);
    }

    public boolean live() {
        return given == null;
    }
}
