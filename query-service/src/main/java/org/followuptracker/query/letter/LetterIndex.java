package org.followuptracker.query.letter;

import java.util.List;
import org.followuptracker.query.readmodel.IndexParts;
import org.followuptracker.query.readmodel.ReadModel;
import org.springframework.data.annotation.Id;

/**
 * The letters sent to one country, in the order they were recorded: the key to a country's letters. The document
 * holds the latest letters ({@code letterIds}) and counts the {@code parts} before them ({@link #PARTS},
 * {@link IndexParts}), so that a letter sent adds to a short document, not to a list of every letter ever sent.
 */
public record LetterIndex(@Id String country, List<String> letterIds, Integer parts) {

    public static final String COLLECTION = "letter_index";
    /** Earlier letters of each country's index, in parts ({@link org.followuptracker.query.readmodel.IndexPart}). */
    public static final String PARTS = "letter_index_parts";

    public LetterIndex {
        letterIds = letterIds == null ? List.of() : letterIds;
        parts = parts == null ? 0 : parts;
    }

    static LetterIndex empty(String country) {
        return new LetterIndex(country, List.of(), 0);
    }

    IndexParts.Head head() {
        return new IndexParts.Head(parts, letterIds);
    }

    /** How many letters it names, in its parts and here. */
    int size() {
        return head().size();
    }

    /** With {@code letterId} added last; when this document fills, its letters are saved as a part. */
    LetterIndex with(String letterId, ReadModel readModel) {
        IndexParts.Head added = head().with(letterId, readModel, PARTS, country);
        return new LetterIndex(country, added.head(), added.parts());
    }
}
