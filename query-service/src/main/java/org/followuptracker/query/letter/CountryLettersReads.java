package org.followuptracker.query.letter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.followuptracker.query.freshness.ChangedDocuments;
import org.followuptracker.query.freshness.CountryReadCache;
import org.followuptracker.query.store.ChangeWindow;
import org.followuptracker.query.store.CountryChanges;
import org.followuptracker.query.store.DirectReadModel;
import org.followuptracker.query.store.CountryIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads countries' letters for readers: thousands of letters for the most written-to country, so they are kept in
 * memory ({@link CountryReadCache}); when the country changes, they are brought up to date from the letters as the
 * last events left them ({@link CountryChanges}).
 */
@Component
public class CountryLettersReads {

    private static final Logger log = LoggerFactory.getLogger(CountryLettersReads.class);

    private static final String WHAT = "letters";
    private static final String DATES = "letter-dates";
    /** From how many countries their letters are read in one pass over all letters rather than by key. */
    private static final int ONE_PASS_FROM_COUNTRIES = 20;

    /** The letters, and their dates, brought up to date with those changed since they were read. */
    private static final ChangedDocuments<KeptLetters, LetterDocument> LETTERS_CHANGED = changed();
    private static final ChangedDocuments<KeptLetterDates, LetterDocument> DATES_CHANGED = changed();

    private final CountryReadCache cache;

    CountryLettersReads(CountryReadCache cache) {
        this.cache = cache;
    }

    /** The letters sent to {@code country}; none if none were. */
    public KeptLetters of(DirectReadModel readModel, String country) {
        KeptLetters letters = cache.get(readModel, WHAT, country, CountryLettersReads::load, LETTERS_CHANGED,
                KeptLetters::size);
        return letters != null ? letters
                : new KeptLetters(new CountryLetters(country, List.of()), ChangeWindow.UNKNOWN);
    }

    /** The letters of every country we wrote to. */
    public List<KeptLetters> ofEveryCountry(DirectReadModel readModel) {
        return List.copyOf(cache.getEvery(readModel, WHAT, CountryLettersReads::load, LETTERS_CHANGED,
                KeptLetters::size).values());
    }

    /**
     * The dates of every country's letters as known now, for the lists across countries: a letter's dates take about
     * a twelfth of the memory of the letter, and are read once, a letter at a time, then brought up to date with the
     * letters that change.
     */
    List<KeptLetterDates> datesOfEveryCountry(DirectReadModel readModel) {
        return List.copyOf(cache.getEvery(readModel, DATES, (from, countries) -> asOfAChange(from, countries,
                some -> datesOf(from, some), KeptLetterDates::new), DATES_CHANGED, KeptLetterDates::weight).values());
    }

    private static Map<String, KeptLetters> load(DirectReadModel readModel, List<String> countries) {
        return asOfAChange(readModel, countries, some -> lettersOf(readModel, some),
                (country, letters, asOf) -> new KeptLetters(letters, asOf));
    }

    /**
     * What {@code read} reads of each country's letters, kept as of the change the letter changes told before and
     * after reading them. Told two different ones, the letters may hold states newer than a change between them,
     * which that change would undo: the change they are as of is then unknown.
     */
    private static <R, K> Map<String, K> asOfAChange(DirectReadModel readModel, List<String> countries,
            Function<List<String>, Map<String, R>> read, AsOfChange<R, K> kept) {
        Map<String, Long> before = latestChanges(readModel, countries);
        Map<String, R> found = read.apply(countries);
        Map<String, Long> after = latestChanges(readModel, countries);
        Map<String, K> asOf = new HashMap<>();
        found.forEach((country, letters) -> {
            Long told = before.get(country);
            asOf.put(country, kept.of(country, letters,
                    told != null && told.equals(after.get(country)) ? told : ChangeWindow.UNKNOWN));
        });
        return asOf;
    }

    /** What is kept of a country's letters, as of change {@code asOfChange}. */
    @FunctionalInterface
    private interface AsOfChange<R, K> {
        K of(String country, R letters, long asOfChange);
    }

    /**
     * The dates of each country's letters: the letters its index names, as {@link #lettersOf} reads them, but for
     * many countries at once, every letter in one pass, one at a time, keeping its dates only.
     */
    private static Map<String, List<LetterDates>> datesOf(DirectReadModel readModel, List<String> countries) {
        if (countries.size() <= ONE_PASS_FROM_COUNTRIES) {
            Map<String, List<LetterDates>> dates = new HashMap<>();
            lettersOf(readModel, countries).forEach((country, letters) ->
                    dates.put(country, KeptLetterDates.of(letters.letters())));
            return dates;
        }
        Map<String, List<String>> indexes = indexesOf(readModel, countries);
        Map<String, String> indexedIn = new HashMap<>();
        Map<String, List<LetterDates>> dates = new HashMap<>();
        indexes.forEach((country, letterIds) -> {
            letterIds.forEach(letterId -> indexedIn.put(letterId, country));
            dates.put(country, new ArrayList<>(letterIds.size()));
        });
        readModel.forEach(LetterDocument.COLLECTION, LetterDocument.class, letter -> {
            if (!letter.country().equals(indexedIn.get(letter.letterId()))) {
                return;
            }
            LetterDates now = LetterDates.now(letter.letter());
            if (now != null) {
                dates.get(letter.country()).add(now);
            }
        });
        return dates;
    }

    /**
     * The letters of each country, in the order recorded: by each country's index, one key lookup a letter (asked
     * for many at a time); for many countries at once, every letter in one pass instead. A country without an index
     * has no letters yet.
     */
    private static Map<String, CountryLetters> lettersOf(DirectReadModel readModel, List<String> countries) {
        Map<String, List<String>> indexes = indexesOf(readModel, countries);
        Map<String, LetterDocument> byId = new HashMap<>();
        if (countries.size() > ONE_PASS_FROM_COUNTRIES) {
            readModel.all(LetterDocument.COLLECTION, LetterDocument.class).forEach(letter -> byId.put(letter.letterId(), letter));
        } else {
            readModel.findAll(LetterDocument.COLLECTION, indexes.values().stream().flatMap(List::stream).toList(),
                    LetterDocument.class).forEach(letter -> byId.put(letter.letterId(), letter));
        }
        Map<String, CountryLetters> letters = new HashMap<>();
        indexes.forEach((country, letterIds) -> {
            List<LetterRecord> found = new ArrayList<>(letterIds.size());
            for (String letterId : letterIds) {
                LetterDocument letter = byId.get(letterId);
                if (letter != null && letter.country().equals(country)) {
                    found.add(letter.letter());
                } else {
                    // Each letter is written before the index that names it: this is a read model to check.
                    log.warn("letters of {}: the index names {}, which is not a letter to {} in the read models",
                            country, letterId, country);
                }
            }
            letters.put(country, new CountryLetters(country, found));
        });
        return letters;
    }

    /** The letters each country's index names, its parts' then its head's, by country (none without an index). */
    private static Map<String, List<String>> indexesOf(DirectReadModel readModel, List<String> countries) {
        return CountryIndex.read(readModel, LetterDocument.INDEX_PARTS,
                readModel.findAll(LetterDocument.INDEX, countries, CountryIndex.class));
    }

    private static <T extends ChangedDocuments.Kept<T, LetterDocument>> ChangedDocuments<T, LetterDocument> changed() {
        return new ChangedDocuments<>(LetterDocument.CHANGES, LetterDocument.COLLECTION, LetterDocument.class,
                LetterDocument::letterId, LetterDocument::country);
    }

    private static Map<String, Long> latestChanges(DirectReadModel readModel, List<String> countries) {
        Map<String, Long> latest = new HashMap<>();
        readModel.findAll(LetterDocument.CHANGES, countries, CountryChanges.class)
                .forEach(changes -> latest.put(changes.country(), changes.latest()));
        return latest;
    }
}
