package org.followuptracker.query.letter;

import java.util.List;
import java.util.Optional;
import org.followuptracker.query.readmodel.ChangeWindow;
import org.springframework.data.annotation.Id;

/**
 * The letters of a country as the last events left them, numbered: a reader holding the country's letters as of one
 * change brings them up to date from these instead of reading all of them again ({@link CountryLettersReads}).
 * Written after the letters and before the country's audit head
 * ({@link org.followuptracker.query.readmodel.BatchingReadModel#WRITTEN_LAST}).
 */
public record LetterChanges(@Id String country, long latest, List<Change> recent) {

    public static final String COLLECTION = "letter_changes";

    /** The letter as change {@code number} left it. */
    public record Change(long number, LetterRecord letter) {
    }

    public LetterChanges {
        recent = recent == null ? List.of() : recent;
    }

    static LetterChanges none(String country) {
        return new LetterChanges(country, 0, List.of());
    }

    LetterChanges with(LetterRecord letter) {
        Change change = new Change(latest + 1, letter);
        return new LetterChanges(country, change.number(), ChangeWindow.appended(recent, change));
    }

    /** The letters as changed after change {@code known}, oldest change first; empty if this no longer holds them all. */
    Optional<List<LetterRecord>> changedAfter(long known) {
        return ChangeWindow.after(recent, Change::number, known, latest)
                .map(changes -> changes.stream().map(Change::letter).toList());
    }
}
