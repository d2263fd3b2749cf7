package org.followuptracker.query.letter;

import java.util.List;
import java.util.Optional;
import org.followuptracker.query.readmodel.ChangeWindow;
import org.springframework.data.annotation.Id;

/**
 * The letters of a country as the last events left them, numbered, and the last of the country's events it was
 * written for (every event of the country writes it): a reader holding the country's letters as of one change brings
 * them up to date from these instead of reading all of them again ({@link CountryLettersReads}). Written after the
 * letters and before the country's audit head
 * ({@link org.followuptracker.query.readmodel.BatchingReadModel#WRITTEN_LAST}).
 */
public record LetterChanges(@Id String country, long latest, List<Change> recent, String throughEventId) {

    public static final String COLLECTION = "letter_changes";

    /** The letter as change {@code number} left it. */
    public record Change(long number, LetterRecord letter) {
    }

    public LetterChanges {
        recent = recent == null ? List.of() : recent;
    }

    static LetterChanges none(String country) {
        return new LetterChanges(country, 0, List.of(), null);
    }

    /** These changes after event {@code eventId}, which left {@code letter} so (null: it concerned no letter). */
    LetterChanges after(String eventId, LetterRecord letter) {
        if (letter == null) {
            return new LetterChanges(country, latest, recent, eventId);
        }
        Change change = new Change(latest + 1, letter);
        return new LetterChanges(country, change.number(), ChangeWindow.appended(recent, change), eventId);
    }

    /**
     * The letters as changed after change {@code known}, oldest change first, if this holds them all and was written
     * for every event up to {@code lastEventId}.
     */
    Optional<List<LetterRecord>> changedAfter(long known, String lastEventId) {
        if (!lastEventId.equals(throughEventId)) {
            return Optional.empty();
        }
        return ChangeWindow.after(recent, Change::number, known, latest)
                .map(changes -> changes.stream().map(Change::letter).toList());
    }
}
