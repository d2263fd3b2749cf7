package org.followuptracker.query.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.followuptracker.events.AcceptedDates;

/**
 * Reads the moments and days readers ask about: an instant ({@code 2012-12-04T18:00:00Z}) or a day
 * ({@code 2012-12-04}), in the years 1900 to 2200: the years the API takes dates in ({@link AcceptedDates}).
 */
public final class Moments {

    private static final Instant EARLIEST = AcceptedDates.FIRST.atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant LATEST = AcceptedDates.LAST.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
            .minusNanos(1);

    private Moments() {
    }

    /** An instant, or a day read as its start (for "from") or its end (for "to"). */
    public static Instant instant(String parameter, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            LocalDate day = day(parameter, value);
            instant = endOfDay ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)
                    : day.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw invalid(parameter, value);
        }
        return instant;
    }

    public static LocalDate day(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AcceptedDates.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(parameter, value);
        }
    }

    private static InvalidParameterException invalid(String parameter, String value) {
        return new InvalidParameterException(parameter, "must be a date (2012-12-04) or an instant "
                + "(2012-12-04T18:00:00Z) in the years " + AcceptedDates.FIRST_YEAR + " to " + AcceptedDates.LAST_YEAR
                + ", not '" + shorten(value) + "'");
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
