package org.followuptracker.query.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followuptracker.query.freshness.ChangedDocuments;
import org.followuptracker.query.store.CountryChanges;
import org.followuptracker.query.web.AsOf;

/**
 * A country's letters as the query service keeps them in memory ({@link CountryLettersReads}), as of one of the
 * country's letter changes ({@link CountryChanges}), with what readers ask of them now (the letters awaiting an
 * answer, how the country answers) worked out once a day instead of once a request: as known now, they change only
 * with the letters, and with the day waiting is counted to. When some letters change, the letters awaiting an answer
 * are worked out again for those only. Earlier moments ({@code asOf}) are worked out each time.
 */
public final class KeptLetters implements ChangedDocuments.Kept<KeptLetters, LetterDocument> {

    /** The letters awaiting an answer as known now before some letters changed, on the day they were worked out. */
    private record Before(LocalDate day, List<AwaitingLetter> awaiting, Map<String, LetterRecord> changed) {
    }

    private static final Comparator<AwaitingLetter> SENT_ORDER = Comparator.comparing(AwaitingLetter::sentOn)
            .thenComparing(AwaitingLetter::letterId);

    private final CountryLetters letters;
    private final long asOfChange;
    /** Let go of once the letters awaiting an answer now are worked out. */
    private volatile Before before;
    private final Daily<List<AwaitingLetter>> awaitingNow = new Daily<>();
    private final Daily<CountrySummary> summaryNow = new Daily<>();

    KeptLetters(CountryLetters letters, long asOfChange) {
        this(letters, asOfChange, null);
    }

    private KeptLetters(CountryLetters letters, long asOfChange, Before before) {
        this.letters = letters;
        this.asOfChange = asOfChange;
        this.before = before;
    }

    /** The last of the country's letter changes these letters hold ({@link CountryChanges}). */
    @Override
    public long asOfChange() {
        return asOfChange;
    }

    /**
     * These letters with {@code changed} (in the order of their first change) in place of what they held of them, or
     * added, as of change {@code latest}. The letters awaiting an answer now are then worked out again for the changed
     * ones only.
     */
    @Override
    public KeptLetters with(List<LetterDocument> changed, long latest) {
        if (changed.isEmpty()) {
            return this;
        }
        Map<String, LetterRecord> latestById = new LinkedHashMap<>();
        changed.forEach(letter -> latestById.put(letter.letterId(), letter.letter()));
        Daily.Today<List<AwaitingLetter>> last = awaitingNow.last();
        return new KeptLetters(letters.withLatest(List.copyOf(latestById.values())), latest,
                last == null ? null : new Before(last.day(), last.value(), latestById));
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
        return awaitingNow.on(moment.today(), () -> {
            Before was = before;
            before = null;
            return was != null && was.day().equals(moment.today()) ? workedOutAgain(was, moment)
                    : letters.awaiting(moment.knownAt(), moment.today());
        });
    }

    /** The letters awaiting an answer now, from those before: only the changed letters are worked out. */
    private List<AwaitingLetter> workedOutAgain(Before was, AsOf moment) {
        List<AwaitingLetter> awaiting = new ArrayList<>(was.awaiting().size() + was.changed().size());
        was.awaiting().stream().filter(letter -> !was.changed().containsKey(letter.letterId())).forEach(awaiting::add);
        awaiting.addAll(new CountryLetters(letters.country(), List.copyOf(was.changed().values()))
                .awaiting(moment.knownAt(), moment.today()));
        awaiting.sort(SENT_ORDER);
        return List.copyOf(awaiting);
    }

    /** How the country answers, as known at the moment. */
    CountrySummary summary(AsOf moment) {
        if (!moment.live()) {
            return CountrySummary.of(letters, moment.knownAt(), moment.today());
        }
        return summaryNow.on(moment.today(), () -> CountrySummary.of(letters, moment.knownAt(), moment.today()));
    }
}
