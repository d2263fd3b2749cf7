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
    /** The change letters are as of when none is known: they are read whole when the country next changes. */
    private static final long UNKNOWN = -1;

    private final CountryReadCache cache;

    CountryLettersReads(CountryReadCache cache) {
        this.cache = cache;
    }

    /** The letters sent to {@code country}; none if none were. */
    public KeptLetters of(DirectReadModel readModel, String country) {
        KeptLetters letters = cache.get(readModel, WHAT, country, CountryLettersReads::load,
                CountryLettersReads::refreshed, KeptLetters::size);
        return letters != null ? letters : new KeptLetters(new CountryLetters(country, List.of()), UNKNOWN);
    }

    /** The letters of every country we wrote to. */
    public List<KeptLetters> ofEveryCountry(DirectReadModel readModel) {
        return List.copyOf(cache.getEvery(readModel, WHAT, CountryLettersReads::load, CountryLettersReads::refreshed,
                KeptLetters::size).values());
    }

    /**
     * The letters of each country, as of the change the letter changes told before and after reading them. Told two
     * different ones, the letters may hold states newer than a change between them, which that change would undo: the
     * change they are as of is then unknown.
     */
    private static Map<String, KeptLetters> load(DirectReadModel readModel, List<String> countries) {
        Map<String, Long> before = latestChanges(readModel, countries);
        List<CountryLetters> read = readModel.findAll(CountryLetters.COLLECTION, countries, CountryLetters.class);
        Map<String, Long> after = latestChanges(readModel, countries);
        Map<String, KeptLetters> kept = new HashMap<>();
        for (CountryLetters letters : read) {
            Long asOf = before.get(letters.country());
            kept.put(letters.country(), new KeptLetters(letters,
                    asOf != null && asOf.equals(after.get(letters.country())) ? asOf : UNKNOWN));
        }
        return kept;
    }

    private static Map<String, Long> latestChanges(DirectReadModel readModel, List<String> countries) {
        Map<String, Long> latest = new HashMap<>();
        readModel.findAll(LetterChanges.COLLECTION, countries, LetterChanges.class)
                .forEach(changes -> latest.put(changes.country(), changes.latest()));
        return latest;
    }

    /** The kept letters with those changed since as they are now, where those are all known. */
    private static Map<String, KeptLetters> refreshed(DirectReadModel readModel, Map<String, KeptLetters> kept,
            Map<String, String> lastEventIds) {
        Map<String, KeptLetters> refreshed = new HashMap<>();
        for (LetterChanges changes : readModel.findAll(LetterChanges.COLLECTION, kept.keySet(), LetterChanges.class)) {
            KeptLetters letters = kept.get(changes.country());
            changes.changedAfter(letters.asOfChange(), lastEventIds.get(changes.country()))
                    .ifPresent(changed -> refreshed.put(changes.country(), letters.with(changed, changes.latest())));
        }
        return refreshed;
    }
}
