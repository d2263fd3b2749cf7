package org.followuptracker.query.letter;

import org.followuptracker.query.store.CountryChanges;
import org.followuptracker.query.store.CountryIndex;
import org.springframework.data.annotation.Id;

/**
 * One letter and everything recorded about its answer, in a document of its own: an event about a letter reads and
 * writes that letter only, not every letter of its country. {@code number}: where its country's {@link CountryIndex}
 * names it, from 0, so that a letter sent again after a write was cut
 * short is known to be indexed without reading the index's earlier parts.
 */
public record LetterDocument(@Id String letterId, String country, LetterRecord letter, Integer number) {

    public static final String COLLECTION = "letter";
    /** Each country's index of its letters ({@link CountryIndex}), and the index's earlier parts. */
    public static final String INDEX = "letter_index";
    public static final String INDEX_PARTS = "letter_index_parts";
    /** Which of each country's letters the last events changed ({@link CountryChanges}). */
    public static final String CHANGES = "letter_changes";

    /** Whether {@code index} names it already, by its number. */
    boolean indexedIn(CountryIndex index) {
        return index.names(number);
    }
}
