package org.followuptracker.events;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * The one rule for the dates the tracker takes from people (the command API's bodies, the query API's parameters):
 * a day written {@code 2012-10-18} exactly, in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}, a range a
 * person can mean; a year further out is a typo, and one of millions of years broke the lists. Events are not
 * held to it: one stored before the rule may carry any date {@link LocalDate} holds, and readers must survive it.
 */
public final class AcceptedDates {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;
    public static final LocalDate FIRST = LocalDate.of(FIRST_YEAR, 1, 1);
    public static final LocalDate LAST = LocalDate.of(LAST_YEAR, 12, 31);
    /** What a refused date is told, after the field's name. */
    public static final String EXPECTED = "must be a date written as 2012-10-18, in the years " + FIRST_YEAR + " to "
            + LAST_YEAR;

    /** Four digits, two, two: no sign, no spaces around it, no time. */
    private static final Pattern WRITTEN = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private AcceptedDates() {
    }

    /** The day written, or {@link IllegalArgumentException} with {@link #EXPECTED} when it is not one taken. */
    public static LocalDate parse(String written) {
        if (written == null || !WRITTEN.matcher(written).matches()) {
            throw new IllegalArgumentException(EXPECTED);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(written, DAY);
        } catch (DateTimeParseException noSuchDay) {
            throw new IllegalArgumentException(EXPECTED);
        }
        if (!contains(day)) {
            throw new IllegalArgumentException(EXPECTED);
        }
        return day;
    }

    public static boolean contains(LocalDate day) {
        return !day.isBefore(FIRST) && !day.isAfter(LAST);
    }
}
