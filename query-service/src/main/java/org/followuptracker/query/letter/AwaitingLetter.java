package org.followuptracker.query.letter;

import java.time.LocalDate;
import java.util.Comparator;

/** A letter without an answer: how long it has waited, and how far past its due date it is. */
public record AwaitingLetter(
        String letterId,
        String country,
        String reference,
        String subject,
        String recipient,
        LocalDate sentOn,
        LocalDate responseDueBy,
        long daysWaited,
        boolean overdue,
        long daysOverdue,
        int followUps,
        LocalDate lastFollowUpOn,
        Published published) {

    /** The order of the overdue list: most days overdue first, then longest waiting ({@link LetterDates} too). */
    public static final Comparator<AwaitingLetter> MOST_OVERDUE_FIRST = Comparator
            .comparingLong(AwaitingLetter::daysOverdue).reversed()
            .thenComparing(Comparator.comparingLong(AwaitingLetter::daysWaited).reversed())
            .thenComparing(AwaitingLetter::letterId);

    static AwaitingLetter of(String country, LetterState letter, LocalDate today) {
        return new AwaitingLetter(letter.letterId(), country, letter.reference(), letter.subject(), letter.recipient(),
                letter.sentOn(), letter.responseDueBy(), letter.daysWaited(today), letter.overdue(today),
                letter.daysOverdue(today), letter.followUps(), letter.lastFollowUpOn(), letter.published());
    }
}
