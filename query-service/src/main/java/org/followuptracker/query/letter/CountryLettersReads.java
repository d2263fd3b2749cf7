package org.followuptracker.query.letter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.followuptracker.query.readmodel.CountryReadCache;
import org.followuptracker.query.readmodel.DirectReadModel;
import org.springframework.stereotype.Component;

/**
 * Reads countries' letters for readers: a country's letters are one document, thousands of letters for the most
 * written-to country, so it is kept in memory ({@link CountryReadCache}); when the country changes, it is brought up
 * to date from the letters as the last events left them ({@link LetterChanges}).
 */
@Component
public class CountryLettersReads {

    private static final String WHAT = "letters";

    private final CountryReadCache cache;

    CountryLettersReads(CountryReadCache cache) {
        this.cache = cache;
    }

    /** The letters sent to {@code country}; none if none were. */
    public KeptLetters of(DirectReadModel readModel, String country) {
        KeptLetters letters = cache.get(readModel, WHAT, country, CountryLettersReads::load,
                CountryLettersReads::refreshed, KeptLetters::size);
        return letters != null ? letters : new KeptLetters(new CountryLetters(country, List.of()), 0);
    }

    /** The letters of every country we wrote to. */
    public List<KeptLetters> ofEveryCountry(DirectReadModel readModel) {
        return List.copyOf(cache.getEvery(readModel, WHAT, CountryLettersReads::load, CountryLettersReads::refreshed,
                KeptLetters::size).values());
    }

    private static Map<String, KeptLetters> load(DirectReadModel readModel, List<String> countries) {
        // Which change each country's letters are as of, read first: the letters read after it are at least as new.
        Map<String, Long> asOfChange = new HashMap<>();
        readModel.findAll(LetterChanges.COLLECTION, countries, LetterChanges.class)
                .forEach(changes -> asOfChange.put(changes.country(), changes.latest()));
        Map<String, KeptLetters> kept = new HashMap<>();
        for (CountryLetters letters : readModel.findAll(CountryLetters.COLLECTION, countries, CountryLetters.class)) {
            kept.put(letters.country(), new KeptLetters(letters, asOfChange.getOrDefault(letters.country(), 0L)));
        }
        return kept;
    }

    /** {@code kept} with the letters changed since as they are now; null if those are no longer all known. */
    private static KeptLetters refreshed(DirectReadModel readModel, String country, KeptLetters kept) {
        LetterChanges changes = readModel.find(LetterChanges.COLLECTION, country, LetterChanges.class);
        LetterChanges known = changes != null ? changes : LetterChanges.none(country);
        return known.changedAfter(kept.asOfChange()).map(changed -> kept.with(changed, known.latest())).orElse(null);
    }
}
