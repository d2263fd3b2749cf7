package org.followuptracker.query.letter;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;

/** The letters sent to one country, in the order they were recorded: the key to a country's letters. */
public record LetterIndex(@Id String country, List<String> letterIds) {

    public static final String COLLECTION = "letter_index";

    public LetterIndex {
        letterIds = letterIds == null ? List.of() : letterIds;
    }

    LetterIndex with(String letterId) {
        return letterIds.contains(letterId) ? this
                : new LetterIndex(country, Stream.concat(letterIds.stream(), Stream.of(letterId)).toList());
    }
}
