package org.followuptracker.query.letter;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A letter as known at some moment: its due date then, its first answer, if one had come, and where it was published,
 * if it was.
 */
public record LetterState(
        String letterId,
        String reference,
        String subject,
        String recipient,
        LocalDate sentOn,
        LocalDate responseDueBy,
        LocalDate answeredOn,
        int followUps,
        LocalDate lastFollowUpOn,
        Published published) {

    public boolean answered() {
        return answeredOn != null;
    }

    /** Days from sending until the answer came, or until {@code today} while none has. */
    public long daysWaited(LocalDate today) {
        return ChronoUnit.DAYS.between(sentOn, answered() ? answeredOn : today);
    }

    /** Days past the due date on {@code today} while unanswered; 0 when not overdue. */
    public long daysOverdue(LocalDate today) {
        if (answered() || responseDueBy == null || !today.isAfter(responseDueBy)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(responseDueBy, today);
    }

    public boolean overdue(LocalDate today) {
        return daysOverdue(today) > 0;
    }
}
