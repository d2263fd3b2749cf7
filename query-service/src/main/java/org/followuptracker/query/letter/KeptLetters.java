package org.followuptracker.query.letter;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.followuptracker.query.web.AsOf;

/**
 * A country's letters as the query service keeps them in memory until the country changes
 * ({@link CountryLettersReads}), with what readers ask of them now (the letters awaiting an answer, how the country
 * answers) worked out once a day instead of once a request: as known now, they change only with the letters, and
 * with the day waiting is counted to. Earlier moments ({@code asOf}) are worked out each time.
 */
public final class KeptLetters {

    /** A value as known now, worked out again when the day changes. */
    private static final class Daily<T> {

        private record Today<T>(LocalDate day, T value) {
        }

        private volatile Today<T> kept;

        T on(LocalDate day, Supplier<T> workOut) {
            Today<T> today = kept;
            if (today == null || !today.day().equals(day)) {
                today = new Today<>(day, workOut.get());
                kept = today;
            }
            return today.value();
        }
    }

    private final CountryLetters letters;
    private final Daily<List<AwaitingLetter>> awaitingNow = new Daily<>();
    private final Daily<Object> awaitingNowRendered = new Daily<>();
    private final Daily<CountrySummary> summaryNow = new Daily<>();

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
        return moment.live() ? awaitingNow.on(moment.today(), () -> letters.awaiting(moment.knownAt(), moment.today()))
                : letters.awaiting(moment.knownAt(), moment.today());
    }

    /**
     * The letters awaiting an answer now, as {@code render} renders them (for a response: the most written-to country
     * has thousands), once a day.
     */
    public Object awaitingNowRendered(AsOf moment, Function<List<AwaitingLetter>, Object> render) {
        if (!moment.live()) {
            throw new IllegalArgumentException("only the letters awaiting an answer now are kept rendered");
        }
        return awaitingNowRendered.on(moment.today(), () -> render.apply(awaiting(moment)));
    }

    /** How the country answers, as known at the moment. */
    CountrySummary summary(AsOf moment) {
        if (!moment.live()) {
            return CountrySummary.of(letters, moment.knownAt(), moment.today());
        }
        return summaryNow.on(moment.today(), () -> CountrySummary.of(letters, moment.knownAt(), moment.today()));
    }
}
