package org.followuptracker.query.letter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followuptracker.query.store.ChangeWindow;
import org.followuptracker.query.freshness.CountryReadCache;
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

    private final CountryReadCache cache;

    CountryLettersReads(CountryReadCache cache) {
        this.cache = cache;
    }

    /** The letters sent to {@code country}; none if none were. */
    public KeptLetters of(DirectReadModel readModel, String country) {
        KeptLetters letters = cache.get(readModel, WHAT, country, CountryLettersReads::load,
                CountryLettersReads::refreshed, KeptLetters::size);
        return letters != null ? letters
                : new KeptLetters(new CountryLetters(country, List.of()), ChangeWindow.UNKNOWN);
    }

    /** The letters of every country we wrote to. */
    public List<KeptLetters> ofEveryCountry(DirectReadModel readModel) {
        return List.copyOf(cache.getEvery(readModel, WHAT, CountryLettersReads::load, CountryLettersReads::refreshed,
                KeptLetters::size).values());
    }

    /**
     * The dates of every country's letters as known now, for the lists across countries: a letter's dates take about
     * a twelfth of the memory of the letter, and are read once, a letter at a time, then brought up to date with the
     * letters that change.
     */
    List<KeptLetterDates> datesOfEveryCountry(DirectReadModel readModel) {
        return List.copyOf(cache.getEvery(readModel, DATES, CountryLettersReads::loadDates, CountryLettersReads::refreshed,
                KeptLetterDates::weight).values());
    }

    /**
     * The letters of each country, as of the change the letter changes told before and after reading them. Told two
     * different ones, the letters may hold states newer than a change between them, which that change would undo: the
     * change they are as of is then unknown.
     */
    private static Map<String, KeptLetters> load(DirectReadModel readModel, List<String> countries) {
        Map<String, Long> before = latestChanges(readModel, countries);
        List<CountryLetters> read = lettersOf(readModel, countries);
        Map<String, Long> after = latestChanges(readModel, countries);
        Map<String, KeptLetters> kept = new HashMap<>();
        for (CountryLetters letters : read) {
            Long asOf = before.get(letters.country());
            kept.put(letters.country(), new KeptLetters(letters,
                    asOf != null && asOf.equals(after.get(letters.country())) ? asOf : ChangeWindow.UNKNOWN));
        }
        return kept;
    }

    /** The dates of each country's letters, as of a change as {@link #load} tells it. */
    private static Map<String, KeptLetterDates> loadDates(DirectReadModel readModel, List<String> countries) {
        Map<String, Long> before = latestChanges(readModel, countries);
        Map<String, List<LetterDates>> read = datesOf(readModel, countries);
        Map<String, Long> after = latestChanges(readModel, countries);
        Map<String, KeptLetterDates> kept = new HashMap<>();
        read.forEach((country, dates) -> {
            Long asOf = before.get(country);
            kept.put(country, new KeptLetterDates(country, dates,
                    asOf != null && asOf.equals(after.get(country)) ? asOf : ChangeWindow.UNKNOWN));
        });
        return kept;
    }

    /**
     * The dates of each country's letters: the letters its index names, as {@link #lettersOf} reads them, but for
     * many countries at once, every letter in one pass, one at a time, keeping its dates only.
     */
    private static Map<String, List<LetterDates>> datesOf(DirectReadModel readModel, List<String> countries) {
        if (countries.size() <= ONE_PASS_FROM_COUNTRIES) {
            Map<String, List<LetterDates>> dates = new HashMap<>();
            lettersOf(readModel, countries).forEach(letters ->
                    dates.put(letters.country(), KeptLetterDates.of(letters.letters())));
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
    private static List<CountryLetters> lettersOf(DirectReadModel readModel, List<String> countries) {
        Map<String, List<String>> indexes = indexesOf(readModel, countries);
        Map<String, LetterDocument> byId = new HashMap<>();
        if (countries.size() > ONE_PASS_FROM_COUNTRIES) {
            readModel.all(LetterDocument.COLLECTION, LetterDocument.class).forEach(letter -> byId.put(letter.letterId(), letter));
        } else {
            readModel.findAll(LetterDocument.COLLECTION, indexes.values().stream().flatMap(List::stream).toList(),
                    LetterDocument.class).forEach(letter -> byId.put(letter.letterId(), letter));
        }
        List<CountryLetters> letters = new ArrayList<>();
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
            letters.add(new CountryLetters(country, found));
        });
        return letters;
    }

    /** The letters each country's index names, its parts' then its head's, by country (none without an index). */
    private static Map<String, List<String>> indexesOf(DirectReadModel readModel, List<String> countries) {
        return CountryIndex.read(readModel, LetterDocument.INDEX_PARTS,
                readModel.findAll(LetterDocument.INDEX, countries, CountryIndex.class));
    }

    private static Map<String, Long> latestChanges(DirectReadModel readModel, List<String> countries) {
        Map<String, Long> latest = new HashMap<>();
        readModel.findAll(LetterDocument.CHANGES, countries, CountryChanges.class)
                .forEach(changes -> latest.put(changes.country(), changes.latest()));
        return latest;
    }

    /**
     * What is kept of the letters, with those changed since read again, where those are all known: the letters are
     * written before the changes that name them, so they are read as of the change told, or newer.
     */
    private static <T extends KeptByChange<T>> Map<String, T> refreshed(DirectReadModel readModel, Map<String, T> kept,
            Map<String, String> lastEventIds) {
        Map<String, CountryChanges> told = new HashMap<>();
        Map<String, List<String>> changedIds = new HashMap<>();
        for (CountryChanges changes : readModel.findAll(LetterDocument.CHANGES, kept.keySet(),
                CountryChanges.class)) {
            changes.changedAfter(kept.get(changes.country()).asOfChange(), lastEventIds.get(changes.country()))
                    .ifPresent(ids -> {
                        told.put(changes.country(), changes);
                        changedIds.put(changes.country(), ids);
                    });
        }
        Map<String, LetterDocument> byId = new HashMap<>();
        readModel.findAll(LetterDocument.COLLECTION, changedIds.values().stream().flatMap(List::stream).toList(),
                LetterDocument.class).forEach(letter -> byId.put(letter.letterId(), letter));
        Map<String, T> refreshed = new HashMap<>();
        changedIds.forEach((country, ids) -> {
            List<LetterRecord> changed = new ArrayList<>(ids.size());
            for (String letterId : ids) {
                LetterDocument letter = byId.get(letterId);
                if (letter == null || !letter.country().equals(country)) {
                    // Each letter is written before the change that names it: this is a read model to check.
                    log.warn("letters of {}: a change names {}, which is not a letter to {} in the read models",
                            country, letterId, country);
                    return;
                }
                changed.add(letter.letter());
            }
            refreshed.put(country, kept.get(country).with(changed, told.get(country).latest()));
        });
        return refreshed;
    }
}
