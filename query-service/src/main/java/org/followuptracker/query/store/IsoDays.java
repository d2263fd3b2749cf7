package org.followuptracker.query.store;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/**
 * Days and months as the read models keep them, ISO text ({@code 2012-10-18}, {@code 2012-10}), put in the order of
 * time. As text they sort alike only while the year has four digits: an event stored before the API took years 1900
 * to 2200 only may carry {@code +9999999-12-31} or {@code -9999999-01-01}, whose sign sorts before every digit.
 */
public final class IsoDays {

    /** Days in the order they came; null is not a day here. */
    public static final Comparator<String> DAY_ORDER =
            Comparator.comparingLong(day -> LocalDate.parse(day).toEpochDay());

    /**
     * Months in the order they came. A month after year 9999 is no month to {@link YearMonth#parse}
     * ({@link #monthOf} writes {@code 10000-01} without the sign the parser needs): such keys come after every month,
     * by their text, so that the order stays total.
     */
    public static final Comparator<String> MONTH_ORDER = Comparator.comparing((String month) -> ordinal(month) == null)
            .thenComparing(month -> ordinal(month), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Comparator.naturalOrder());

    private IsoDays() {
    }

    /** The key of a day's month: {@code 2012-10}, {@code 9999999-12}. */
    public static String monthOf(LocalDate day) {
        return YearMonth.from(day).toString();
    }

    private static Long ordinal(String month) {
        try {
            return YearMonth.parse(month).getLong(java.time.temporal.ChronoField.PROLEPTIC_MONTH);
        } catch (DateTimeParseException notAMonth) {
            return null;
        }
    }
}
