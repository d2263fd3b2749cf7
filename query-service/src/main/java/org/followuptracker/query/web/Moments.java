package org.followuptracker.query.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the moments and days readers ask about: an instant ({@code 2012-12-04T18:00:00Z}) or a day ({@code 2012-12-04}). */
public final class Moments {

    private Moments() {
    }

    /** An instant, or a day read as its start (for "from") or its end (for "to"). */
    public static Instant instant(String parameter, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            LocalDate day = day(parameter, value);
            return endOfDay ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)
                    : day.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }

    public static LocalDate day(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter,
                    "must be a date (2012-12-04) or an instant (2012-12-04T18:00:00Z), not '" + shorten(value) + "'");
        }
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
