package org.followuptracker.query.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.followuptracker.query.store.DirectReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The letters awaiting an answer now across every country, most overdue first, from the dates of every letter kept
 * in memory ({@link KeptLetterDates}): each country's are put in order once a day, and merged for the page asked;
 * only the letters on the page are read whole, for their words. A million events hold some 330,000 letters: read
 * whole for every request, they took over a minute.
 */
@Component
class AwaitingAcrossCountries {

    private static final Logger log = LoggerFactory.getLogger(AwaitingAcrossCountries.class);

    /** How many letters are read whole at a time, for an export of them all. */
    private static final int LETTERS_PER_READ = 1_000;

    private final CountryLettersReads reads;

    AwaitingAcrossCountries(CountryLettersReads reads) {
        this.reads = reads;
    }

    /** Of all the letters awaiting an answer (only the overdue ones if asked), how many, and those from {@code from}. */
    record Page(long total, List<AwaitingLetter> letters) {
    }

    /** One country's letters awaiting an answer, in order, as far as the merge has taken them. */
    private static final class Country {

        private final String country;
        private final List<LetterDates> awaiting;
        private final int end;
        private int next;

        Country(String country, List<LetterDates> awaiting, int end) {
            this.country = country;
            this.awaiting = awaiting;
            this.end = end;
        }

        LetterDates head() {
            return awaiting.get(next);
        }
    }

    private record Placed(String country, LetterDates letter) {
    }

    /** At most {@code count} of the letters awaiting an answer on {@code today}, from the {@code from}th. */
    Page page(DirectReadModel readModel, boolean overdueOnly, LocalDate today, long from, long count) {
        Comparator<LetterDates> order = LetterDates.mostOverdueFirst(today);
        PriorityQueue<Country> heads = new PriorityQueue<>((a, b) -> order.compare(a.head(), b.head()));
        long total = 0;
        for (KeptLetterDates country : reads.datesOfEveryCountry(readModel)) {
            List<LetterDates> awaiting = country.awaiting(today);
            int end = overdueOnly ? country.overdue(today) : awaiting.size();
            total += end;
            if (end > 0) {
                heads.add(new Country(country.country(), awaiting, end));
            }
        }
        List<Placed> placed = new ArrayList<>();
        for (long taken = 0; taken < from + count && !heads.isEmpty(); taken++) {
            Country first = heads.poll();
            if (taken >= from) {
                placed.add(new Placed(first.country, first.head()));
            }
            if (++first.next < first.end) {
                heads.add(first);
            }
        }
        List<AwaitingLetter> letters = new ArrayList<>(placed.size());
        for (int at = 0; at < placed.size(); at += LETTERS_PER_READ) {
            letters.addAll(withWords(readModel, placed.subList(at, Math.min(placed.size(), at + LETTERS_PER_READ)), today));
        }
        return new Page(total, letters);
    }

    /** The letters with the words they were sent with: each read whole, by key. */
    private List<AwaitingLetter> withWords(DirectReadModel readModel, List<Placed> placed, LocalDate today) {
        Map<String, LetterRecord> words = new HashMap<>();
        readModel.findAll(LetterDocument.COLLECTION, placed.stream().map(letter -> letter.letter().letterId()).toList(),
                LetterDocument.class).forEach(letter -> words.put(letter.letterId(), letter.letter()));
        List<AwaitingLetter> letters = new ArrayList<>(placed.size());
        for (Placed letter : placed) {
            String letterId = letter.letter().letterId();
            LetterRecord record = words.get(letterId);
            if (record == null) {
                log.warn("letters awaiting an answer: {} of {} is not in the read models", letterId, letter.country());
                continue;
            }
            letters.add(letter.letter().awaiting(letter.country(), record, today));
        }
        return letters;
    }
}
