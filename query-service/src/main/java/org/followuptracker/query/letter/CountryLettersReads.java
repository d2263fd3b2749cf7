package org.followuptracker.query.letter;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.followuptracker.query.readmodel.CountryReadCache;
import org.followuptracker.query.readmodel.DirectReadModel;
import org.springframework.stereotype.Component;

/**
 * Reads countries' letters for readers: a country's letters are one document, thousands of letters for the most
 * written-to country, so it is kept in memory until the country changes ({@link CountryReadCache}).
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
        KeptLetters letters = cache.get(readModel, WHAT, country, CountryLettersReads::load, KeptLetters::size);
        return letters != null ? letters : new KeptLetters(new CountryLetters(country, List.of()));
    }

    /** The letters of every country we wrote to. */
    public List<KeptLetters> ofEveryCountry(DirectReadModel readModel) {
        return List.copyOf(cache.getEvery(readModel, WHAT, CountryLettersReads::load, KeptLetters::size).values());
    }

    private static Map<String, KeptLetters> load(DirectReadModel readModel, List<String> countries) {
        return readModel.findAll(CountryLetters.COLLECTION, countries, CountryLetters.class).stream()
                .collect(Collectors.toMap(CountryLetters::country, KeptLetters::new));
    }
}
