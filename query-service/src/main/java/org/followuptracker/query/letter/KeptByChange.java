package org.followuptracker.query.letter;

import java.util.List;
import org.followuptracker.query.store.CountryChanges;

/**
 * What a reader keeps in memory of a country's letters, as of one of the country's letter changes
 * ({@link CountryChanges}), and how it is brought up to date with the letters changed since
 * ({@link CountryLettersReads}).
 */
interface KeptByChange<T> {

    /** The last of the country's letter changes this holds. */
    long asOfChange();

    /** This with {@code changed} (in the order of their first change) in place of what it held of them, as of {@code latest}. */
    T with(List<LetterRecord> changed, long latest);
}
