package org.followuptracker.query.letter;

import java.util.List;
import java.util.Optional;
import org.followuptracker.query.readmodel.ChangeWindow;
import org.springframework.data.annotation.Id;

/**
 * Which of a country's letters the last events changed, numbered, and the last of the country's events it was
 * written for (every event of the country writes it): a reader holding the country's letters as of one change
 * re-reads only those changed since instead of all of them ({@link CountryLettersReads}). Written after the letters
 * and before the country's audit head
 * ({@link org.followuptracker.query.readmodel.ReadModelLayout}).
 */
public record LetterChanges(@Id String country, long latest, List<Change> changedLetters, String throughEventId) {

    public static final String COLLECTION = "letter_changes";

    /** The letter change {@code number} concerned. */
    public record Change(long number, String letterId) {
    }

    public LetterChanges {
        changedLetters = changedLetters == null ? List.of() : changedLetters;
    }

    static LetterChanges none(String country) {
        return new LetterChanges(country, 0, List.of(), null);
    }

    /** These changes after event {@code eventId}, which changed letter {@code letterId} (null: none). */
    LetterChanges after(String eventId, String letterId) {
        if (letterId == null) {
            return new LetterChanges(country, latest, changedLetters, eventId);
        }
        Change change = new Change(latest + 1, letterId);
        return new LetterChanges(country, change.number(), ChangeWindow.appended(changedLetters, change), eventId);
    }

    /**
     * The ids of the letters changed after change {@code known}, in the order of their first change since, if this
     * tells them all and was written for every event up to {@code lastEventId}.
     */
    Optional<List<String>> changedAfter(long known, String lastEventId) {
        if (!lastEventId.equals(throughEventId)) {
            return Optional.empty();
        }
        return ChangeWindow.after(changedLetters, Change::number, known, latest)
                .map(changes -> changes.stream().map(Change::letterId).distinct().toList());
    }
}
