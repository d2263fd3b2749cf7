package org.followuptracker.query.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * A letter as known now, reduced to what the lists across countries sort and count by: when it was sent, was due,
 * was first answered, was last followed up (days since 1970, {@link #NONE} for none). Some 140 bytes, where the
 * letter with all recorded about it takes about 1,000: the overdue list across every country holds all of them
 * ({@link KeptLetterDates}), and reads the few letters of the page it shows. Days are longs: an event stored before
 * the API took years 1900 to 2200 only may carry any date, and the days of year 9999999 pass an int's range.
 */
record LetterDates(String letterId, long sentOn, long dueBy, long answeredOn, int followUps, long lastFollowUpOn) {

    static final long NONE = Long.MIN_VALUE;

    /** The letter's dates as known now; null once it is retracted. */
    static LetterDates now(LetterRecord letter) {
        LetterState now = letter.asOf(Instant.MAX);
        return now == null ? null : of(now);
    }

    static LetterDates of(LetterState letter) {
        return new LetterDates(letter.letterId(), day(letter.sentOn()), day(letter.responseDueBy()),
                day(letter.answeredOn()), letter.followUps(), day(letter.lastFollowUpOn()));
    }

    /**
     * The order of the letters awaiting an answer on {@code today}: as {@link AwaitingLetter#MOST_OVERDUE_FIRST}
     * orders them once their days are counted.
     */
    static Comparator<LetterDates> mostOverdueFirst(LocalDate today) {
        return Comparator.comparingLong((LetterDates letter) -> letter.daysOverdue(today)).reversed()
                .thenComparing(Comparator.comparingLong((LetterDates letter) -> letter.daysWaited(today)).reversed())
                .thenComparing(LetterDates::letterId);
    }

    boolean answered() {
        return answeredOn != NONE;
    }

    /** As {@link LetterState#daysWaited}. */
    long daysWaited(LocalDate today) {
        return (answered() ? answeredOn : today.toEpochDay()) - sentOn;
    }

    /** As {@link LetterState#daysOverdue}. */
    long daysOverdue(LocalDate today) {
        return answered() || dueBy == NONE || today.toEpochDay() <= dueBy ? 0 : today.toEpochDay() - dueBy;
    }

    LocalDate sentOnDate() {
        return date(sentOn);
    }

    /** The letter awaiting an answer on {@code today}, with the words the letter was sent with. */
    AwaitingLetter awaiting(String country, LetterRecord words, LocalDate today) {
        long overdue = daysOverdue(today);
        return new AwaitingLetter(letterId, country, words.reference(), words.subject(), words.recipient(),
                date(sentOn), date(dueBy), daysWaited(today), overdue > 0, overdue, followUps, date(lastFollowUpOn),
                words.published(Instant.MAX));
    }

    private static long day(LocalDate date) {
        return date == null ? NONE : date.toEpochDay();
    }

    private static LocalDate date(long day) {
        return day == NONE ? null : LocalDate.ofEpochDay(day);
    }
}
