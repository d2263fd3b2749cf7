package org.followuptracker.query.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** How a country answers: letters sent, answered, awaiting, overdue; the response rate; the median days to answer. */
public record CountrySummary(
        String country,
        int letters,
        int answered,
        int awaiting,
        int overdue,
        Double responseRate,
        Double medianDaysToAnswer,
        LocalDate lastLetterOn) {

    static CountrySummary of(CountryLetters country, Instant asOf, LocalDate today) {
        List<LetterState> letters = country.asOf(asOf);
        return of(country.country(), letters.size(),
                letters.stream().filter(LetterState::answered).map(letter -> letter.daysWaited(today)).toList(),
                (int) letters.stream().filter(letter -> letter.overdue(today)).count(),
                letters.isEmpty() ? null : letters.get(letters.size() - 1).sentOn());
    }

    /** From how many letters there are, the days each answered one waited, how many are overdue, when the last was sent. */
    static CountrySummary of(String country, int letters, List<Long> daysWaitedByAnswered, int overdue,
            LocalDate lastLetterOn) {
        List<Long> daysToAnswer = daysWaitedByAnswered.stream().sorted().toList();
        Double median = daysToAnswer.isEmpty() ? null
                : daysToAnswer.size() % 2 == 1 ? (double) daysToAnswer.get(daysToAnswer.size() / 2)
                : (daysToAnswer.get(daysToAnswer.size() / 2 - 1) + daysToAnswer.get(daysToAnswer.size() / 2)) / 2.0;
        return new CountrySummary(country, letters, daysToAnswer.size(), letters - daysToAnswer.size(), overdue,
                letters == 0 ? null : Math.round(1000.0 * daysToAnswer.size() / letters) / 1000.0, median,
                lastLetterOn);
    }
}
