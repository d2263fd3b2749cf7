package org.followuptracker.query.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followuptracker.query.freshness.ChangedDocuments;

/**
 * A country's letters as known now, by their dates only ({@link LetterDates}), as the query service keeps them for
 * the lists across every country: the letters awaiting an answer, most overdue first, and how the country answers,
 * worked out once a day and again when the country's letters change.
 */
final class KeptLetterDates implements ChangedDocuments.Kept<KeptLetterDates, LetterDocument> {

    /** A letter's dates take about a twelfth of what a kept letter does ({@code CountryReadCache}). */
    private static final int LETTERS_PER_RECORD = 12;

    /** What readers ask of the letters on a day. */
    private record OnTheDay(List<LetterDates> awaiting, int overdue, CountrySummary summary) {
    }

    private final String country;
    private final List<LetterDates> letters;
    private final long asOfChange;
    private final Daily<OnTheDay> today = new Daily<>();

    KeptLetterDates(String country, Collection<LetterDates> letters, long asOfChange) {
        this.country = country;
        this.letters = List.copyOf(letters);
        this.asOfChange = asOfChange;
    }

    /** The dates of the letters as known now; a letter retracted has none. */
    static List<LetterDates> of(Collection<LetterRecord> letters) {
        List<LetterDates> dates = new ArrayList<>(letters.size());
        for (LetterRecord letter : letters) {
            LetterDates now = LetterDates.now(letter);
            if (now != null) {
                dates.add(now);
            }
        }
        return dates;
    }

    @Override
    public long asOfChange() {
        return asOfChange;
    }

    @Override
    public KeptLetterDates with(List<LetterDocument> changed, long latest) {
        if (changed.isEmpty()) {
            return this;
        }
        Map<String, LetterDates> byId = new LinkedHashMap<>();
        letters.forEach(letter -> byId.put(letter.letterId(), letter));
        for (LetterDocument letter : changed) {
            LetterDates now = LetterDates.now(letter.letter());
            if (now == null) {
                byId.remove(letter.letterId());
            } else {
                byId.put(letter.letterId(), now);
            }
        }
        return new KeptLetterDates(country, byId.values(), latest);
    }

    String country() {
        return country;
    }

    /** How much of the read cache's bound this takes. */
    int weight() {
        return Math.max(1, letters.size() / LETTERS_PER_RECORD);
    }

    /** The letters awaiting an answer on {@code day}, most overdue first ({@link LetterDates#mostOverdueFirst}). */
    List<LetterDates> awaiting(LocalDate day) {
        return on(day).awaiting();
    }

    /** How many of them are overdue: the first ones. */
    int overdue(LocalDate day) {
        return on(day).overdue();
    }

    /** How the country answers, as known now, on {@code day}. */
    CountrySummary summary(LocalDate day) {
        return on(day).summary();
    }

    private OnTheDay on(LocalDate day) {
        return today.on(day, () -> workedOut(day));
    }

    private OnTheDay workedOut(LocalDate day) {
        List<LetterDates> awaiting = new ArrayList<>();
        List<Long> daysToAnswer = new ArrayList<>();
        LetterDates last = null;
        for (LetterDates letter : letters) {
            if (letter.answered()) {
                daysToAnswer.add(letter.daysWaited(day));
            } else {
                awaiting.add(letter);
            }
            if (last == null || letter.sentOn() > last.sentOn()) {
                last = letter;
            }
        }
        awaiting.sort(LetterDates.mostOverdueFirst(day));
        int overdue = (int) awaiting.stream().takeWhile(letter -> letter.daysOverdue(day) > 0).count();
        return new OnTheDay(List.copyOf(awaiting), overdue, CountrySummary.of(country, letters.size(), daysToAnswer,
                overdue, last == null ? null : last.sentOnDate()));
    }
}
