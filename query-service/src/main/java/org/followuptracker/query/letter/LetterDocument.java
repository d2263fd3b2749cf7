package org.followuptracker.query.letter;

import org.springframework.data.annotation.Id;

/**
 * One letter and everything recorded about its answer, in a document of its own: an event about a letter reads and
 * writes that letter only, not every letter of its country. {@code number}: where its country's {@link LetterIndex}
 * names it, from 0, so that a letter sent again after a write was cut
 * short is known to be indexed without reading the index's earlier parts.
 */
public record LetterDocument(@Id String letterId, String country, LetterRecord letter, Integer number) {

    public static final String COLLECTION = "letter";

    /** Whether {@code index} names it already, by its number. */
    boolean indexedIn(LetterIndex index) {
        return index.head().names(number);
    }
}
