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
        List<Long> daysToAnswer = letters.stream().filter(LetterState::answered)
                .map(letter -> letter.daysWaited(today)).sorted().toList();
        int awaiting = letters.size() - daysToAnswer.size();
        int overdue = (int) letters.stream().filter(letter -> letter.overdue(today)).count();
        Double median = daysToAnswer.isEmpty() ? null
                : daysToAnswer.size() % 2 == 1 ? (double) daysToAnswer.get(daysToAnswer.size() / 2)
                : (daysToAnswer.get(daysToAnswer.size() / 2 - 1) + daysToAnswer.get(daysToAnswer.size() / 2)) / 2.0;
        return new CountrySummary(country.country(), letters.size(), daysToAnswer.size(), awaiting, overdue,
                letters.isEmpty() ? null : Math.round(1000.0 * daysToAnswer.size() / letters.size()) / 1000.0, median,
                letters.isEmpty() ? null : letters.get(letters.size() - 1).sentOn());
    }
}
