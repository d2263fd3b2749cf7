package org.followuptracker.query.letter;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.followuptracker.query.export.Export;
import org.followuptracker.query.store.DirectReadModel;
import org.followuptracker.query.store.Generations;
import org.followuptracker.query.web.CountryCode;
import org.followuptracker.query.web.AsOf;
import org.followuptracker.query.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who owes us an answer: the letters awaiting one across countries, and per country how it answers. "Today" is the
 * clock's day (tests move it), or the day of asOf.
 */
@RestController
class LetterController {

    private final Generations generations;
    private final CountryLettersReads lettersReads;
    private final AwaitingAcrossCountries awaitingAcrossCountries;
    private final Clock clock;

    LetterController(Generations generations, CountryLettersReads lettersReads,
            AwaitingAcrossCountries awaitingAcrossCountries, Clock clock) {
        this.generations = generations;
        this.lettersReads = lettersReads;
        this.awaitingAcrossCountries = awaitingAcrossCountries;
        this.clock = clock;
    }

    @Operation(summary = "Letters awaiting an answer, across countries or for one, most overdue first, with days "
            + "waited and days overdue; overdue=true keeps only overdue ones. format=csv|json exports them all.")
    @GetMapping("/api/letters/awaiting")
    ResponseEntity<?> awaiting(@RequestParam(required = false) String country,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String format) {
        String iso3 = country == null ? null : CountryCode.parse("country", country);
        AsOf moment = AsOf.of(asOf, clock);
        Paging paging = Paging.of(page, size);
        Export.Format export = Export.format(format);
        if (iso3 == null && moment.live()) {
            AwaitingAcrossCountries.Page now = awaitingAcrossCountries.page(generations.reading(),
                    Boolean.TRUE.equals(overdue), moment.today(), export != null ? 0 : paging.offset(),
                    export != null ? Long.MAX_VALUE : paging.size());
            return awaiting(moment, paging, export, iso3, now.total(), now.letters());
        }
        List<AwaitingLetter> letters = lettersOf(iso3).stream()
                .flatMap(c -> c.awaiting(moment).stream())
                .filter(letter -> !Boolean.TRUE.equals(overdue) || letter.overdue())
                .sorted(AwaitingLetter.MOST_OVERDUE_FIRST)
                .toList();
        return awaiting(moment, paging, export, iso3, letters.size(), export != null ? letters : paging.slice(letters));
    }

    /** The letters awaiting an answer: {@code letters} is the page asked for, or all of them to export. */
    private static ResponseEntity<?> awaiting(AsOf moment, Paging paging, Export.Format export, String iso3, long total,
            List<AwaitingLetter> letters) {
        if (export != null) {
            return Export.of(export, "awaiting" + (iso3 == null ? "" : "-" + iso3), letters, COLUMNS,
                    letter -> Arrays.asList(letter.country(), letter.reference(), letter.subject(), letter.recipient(),
                            letter.sentOn(), letter.responseDueBy(), letter.daysWaited(), letter.overdue(),
                            letter.daysOverdue(), letter.followUps(), letter.lastFollowUpOn(), letter.letterId()));
        }
        return ResponseEntity.ok(new Awaiting(moment.given(), moment.today(), paging.page(), paging.size(), total,
                letters));
    }

    private static final List<String> COLUMNS = List.of("country", "reference", "subject", "recipient", "sentOn",
            "responseDueBy", "daysWaited", "overdue", "daysOverdue", "followUps", "lastFollowUpOn", "letterId");

    @Operation(summary = "Every country we wrote to, by code: letters, answered, awaiting, overdue, response rate and "
            + "median days to answer, as known at asOf. Filters: q (the start of the country code), awaiting=true, "
            + "overdue=true. format=csv|json exports them all.")
    @GetMapping("/api/countries")
    ResponseEntity<?> countries(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean awaiting,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String format) {
        AsOf moment = AsOf.of(asOf, clock);
        Paging paging = Paging.of(page, size);
        Export.Format export = Export.format(format);
        String prefix = q == null ? "" : q.strip().toUpperCase(java.util.Locale.ROOT);
        List<CountrySummary> summaries = moment.live()
                ? lettersReads.datesOfEveryCountry(generations.reading()).stream()
                        .filter(c -> c.country().startsWith(prefix)).map(c -> c.summary(moment.today())).toList()
                : lettersOf(null).stream().filter(c -> c.country().startsWith(prefix)).map(c -> c.summary(moment)).toList();
        List<CountrySummary> countries = summaries.stream()
                .filter(summary -> summary.letters() > 0)
                .filter(summary -> !Boolean.TRUE.equals(awaiting) || summary.awaiting() > 0)
                .filter(summary -> !Boolean.TRUE.equals(overdue) || summary.overdue() > 0)
                .sorted(Comparator.comparing(CountrySummary::country)).toList();
        if (export != null) {
            return Export.of(export, "countries", countries, COUNTRY_COLUMNS, c -> Arrays.asList(c.country(), c.letters(),
                    c.answered(), c.awaiting(), c.overdue(), c.responseRate(), c.medianDaysToAnswer(), c.lastLetterOn()));
        }
        return ResponseEntity.ok(new Countries(moment.given(), moment.today(), paging.page(), paging.size(),
                countries.size(), paging.slice(countries)));
    }

    private static final List<String> COUNTRY_COLUMNS = List.of("country", "letters", "answered", "awaiting", "overdue",
            "responseRate", "medianDaysToAnswer", "lastLetterOn");

    @Operation(summary = "How one country answers: letters, answered, awaiting, overdue, response rate, median days "
            + "to answer, as known at asOf")
    @GetMapping("/api/countries/{iso3}")
    CountrySummary country(@PathVariable String iso3, @RequestParam(required = false) String asOf) {
        String country = CountryCode.parse("iso3", iso3);
        AsOf moment = AsOf.of(asOf, clock);
        return lettersReads.of(generations.reading(), country).summary(moment);
    }

    private List<KeptLetters> lettersOf(String iso3) {
        DirectReadModel readModel = generations.reading();
        return iso3 == null ? lettersReads.ofEveryCountry(readModel) : List.of(lettersReads.of(readModel, iso3));
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Countries(Instant asOf, LocalDate today, int page, int size, long total, List<CountrySummary> countries) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Awaiting(Instant asOf, LocalDate today, int page, int size, long total, List<AwaitingLetter> letters) {
    }
}
