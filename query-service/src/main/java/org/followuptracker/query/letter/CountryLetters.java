package org.followuptracker.query.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.annotation.Id;

/**
 * Every letter sent to one country, as readers hold them ({@link KeptLetters}), read from each letter's document
 * ({@link LetterDocument}) in the order of the country's index.
 */
public record CountryLetters(@Id String country, List<LetterRecord> letters) {

    public CountryLetters {
        letters = letters == null ? List.of() : letters;
    }

    /** These letters with {@code latest} in place of what they held of them, or added, in that order. */
    CountryLetters withLatest(List<LetterRecord> latest) {
        Map<String, LetterRecord> byId = new LinkedHashMap<>();
        letters.forEach(letter -> byId.put(letter.letterId(), letter));
        latest.forEach(letter -> byId.put(letter.letterId(), letter));
        return new CountryLetters(country, List.copyOf(byId.values()));
    }

    /** The letters as known at {@code asOf} (neither recorded later nor retracted by then), in the order sent. */
    public List<LetterState> asOf(Instant asOf) {
        return letters.stream().map(letter -> letter.asOf(asOf)).filter(Objects::nonNull)
                .sorted(Comparator.comparing(LetterState::sentOn).thenComparing(LetterState::letterId))
                .toList();
    }

    /** The letters awaiting an answer at {@code asOf}, their waiting counted up to {@code today}. */
    public List<AwaitingLetter> awaiting(Instant asOf, LocalDate today) {
        return asOf(asOf).stream().filter(letter -> !letter.answered())
                .map(letter -> AwaitingLetter.of(country, letter, today)).toList();
    }
}
