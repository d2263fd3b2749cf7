package org.followuptracker.query.letter;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.followuptracker.query.web.AsOf;

/**
 * A country's letters as the query service keeps them in memory until the country changes
 * ({@link CountryLettersReads}), with what readers ask of them now (the letters awaiting an answer, how the country
 * answers) worked out once a day instead of once a request: as known now, they change only with the letters, and
 * with the day waiting is counted to. Earlier moments ({@code asOf}) are worked out each time.
 */
public final class KeptLetters {

    private record Today<T>(LocalDate day, T value) {
    }

    private final CountryLetters letters;
    private volatile Today<List<AwaitingLetter>> awaitingNow;
    private volatile Today<Object> awaitingNowRendered;
    private volatile Today<CountrySummary> summaryNow;

    KeptLetters(CountryLetters letters) {
        this.letters = letters;
    }

    public String country() {
        return letters.country();
    }

    int size() {
        return letters.letters().size();
    }

    /** The letters awaiting an answer at the moment, their waiting counted up to its day. */
    public List<AwaitingLetter> awaiting(AsOf moment) {
        if (!moment.live()) {
            return letters.awaiting(moment.knownAt(), moment.today());
        }
        Today<List<AwaitingLetter>> kept = awaitingNow;
        if (kept == null || !kept.day().equals(moment.today())) {
            kept = new Today<>(moment.today(), letters.awaiting(moment.knownAt(), moment.today()));
            awaitingNow = kept;
        }
        return kept.value();
    }

    /**
     * The letters awaiting an answer now, as {@code render} renders them (for a response: the most written-to country
     * has thousands), once a day.
     */
    public Object awaitingNowRendered(AsOf moment, Function<List<AwaitingLetter>, Object> render) {
        if (!moment.live()) {
            throw new IllegalArgumentException("only the letters awaiting an answer now are kept rendered");
        }
        Today<Object> kept = awaitingNowRendered;
        if (kept == null || !kept.day().equals(moment.today())) {
            kept = new Today<>(moment.today(), render.apply(awaiting(moment)));
            awaitingNowRendered = kept;
        }
        return kept.value();
    }

    /** How the country answers, as known at the moment. */
    CountrySummary summary(AsOf moment) {
        if (!moment.live()) {
            return CountrySummary.of(letters, moment.knownAt(), moment.today());
        }
        Today<CountrySummary> kept = summaryNow;
        if (kept == null || !kept.day().equals(moment.today())) {
            kept = new Today<>(moment.today(), CountrySummary.of(letters, moment.knownAt(), moment.today()));
            summaryNow = kept;
        }
        return kept.value();
    }
}
