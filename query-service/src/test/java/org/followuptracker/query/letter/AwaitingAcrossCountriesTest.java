package org.followuptracker.query.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.events.TrackerEvent;
import org.followuptracker.query.store.CountryIndex;
import org.followuptracker.query.freshness.ProjectedCountries;
import org.followuptracker.query.web.AsOf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The letters awaiting an answer now across countries, and how each country answers, worked out from the letters'
 * dates kept in memory, are what the letters read whole tell: before and after letters change.
 */
class AwaitingAcrossCountriesTest {

    private static final AsOf NOW = AsOf.of(null, Clock.fixed(Instant.parse("2013-06-01T12:00:00Z"), ZoneOffset.UTC));

    private final ProjectedCountries store = new ProjectedCountries();
    private final LetterProjection projection = new LetterProjection();
    private final CountryLettersReads reads = new CountryLettersReads(store.cache);
    private final AwaitingAcrossCountries across = new AwaitingAcrossCountries(reads);
    private final Random random = new Random(7);
    private final List<String> countries = new ArrayList<>();
    private final List<EventEnvelope> letters = new ArrayList<>();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void manyCountriesReadInOnePassThenBroughtUpToDateTellWhatTheirLettersTell() {
        wroteTo(25, 12);
        assertAsTheLettersTell();
        assertThat(store.reads("miss")).isEqualTo(25);

        changedSome(40);
        assertAsTheLettersTell();
        assertThat(store.reads("miss")).as("no country read whole again").isEqualTo(25);
        assertThat(store.reads("refresh")).isPositive();
    }

    @Test
    void aFewCountriesReadByTheirIndexesTellWhatTheirLettersTell() {
        wroteTo(3, 15);
        assertAsTheLettersTell();
        changedSome(10);
        assertAsTheLettersTell();
    }

    private void assertAsTheLettersTell() {
        for (boolean overdueOnly : List.of(false, true)) {
            List<AwaitingLetter> expected = expectedAwaiting(overdueOnly);
            AwaitingAcrossCountries.Page all = across.page(store.readModel, overdueOnly, NOW.today(), 0, Long.MAX_VALUE);
            assertThat(all.total()).isEqualTo(expected.size());
            assertThat(all.letters()).isEqualTo(expected);
            AwaitingAcrossCountries.Page third = across.page(store.readModel, overdueOnly, NOW.today(), 14, 7);
            assertThat(third.total()).isEqualTo(expected.size());
            assertThat(third.letters()).isEqualTo(expected.subList(Math.min(14, expected.size()),
                    Math.min(21, expected.size())));
        }
        assertThat(expectedAwaiting(false)).isNotEmpty();
        for (KeptLetterDates country : reads.datesOfEveryCountry(store.readModel)) {
            assertThat(country.summary(NOW.today()))
                    .isEqualTo(CountrySummary.of(fromTheStore(country.country()), NOW.knownAt(), NOW.today()));
        }
        assertThat(reads.datesOfEveryCountry(store.readModel)).extracting(KeptLetterDates::country)
                .containsExactlyInAnyOrderElementsOf(countries);
    }

    /** As the letters read whole tell it, one country at a time. */
    private List<AwaitingLetter> expectedAwaiting(boolean overdueOnly) {
        return countries.stream().flatMap(country -> fromTheStore(country).awaiting(NOW.knownAt(), NOW.today()).stream())
                .filter(letter -> !overdueOnly || letter.overdue())
                .sorted(AwaitingLetter.MOST_OVERDUE_FIRST).toList();
    }

    /** The country's letters as the store holds them: those its index names. */
    private CountryLetters fromTheStore(String country) {
        CountryIndex index = store.mongo.findById(country, CountryIndex.class,
                store.readModel.generation().collection(LetterDocument.INDEX));
        return new CountryLetters(country, CountryIndex.read(store.readModel, LetterDocument.INDEX_PARTS,
                List.of(index)).get(country).stream().map(id -> store.mongo.findById(id,
                LetterDocument.class, store.readModel.generation().collection(LetterDocument.COLLECTION)).letter())
                .toList());
    }

    /** Letters to as many more countries, up to {@code most} each, sent in 2012 and 2013, most with a due date. */
    private void wroteTo(int howMany, int most) {
        for (int c = 0; c < howMany; c++) {
            String country = "C" + (char) ('A' + c / 26) + (char) ('A' + c % 26);
            countries.add(country);
            for (int i = 0, n = 1 + random.nextInt(most); i < n; i++) {
                LocalDate sentOn = LocalDate.of(2012, 6, 1).plusDays(random.nextInt(360));
                LocalDate dueBy = random.nextInt(5) == 0 ? null : sentOn.plusDays(10 + random.nextInt(200));
                letters.add(applied(country + "-letter-" + i, new LetterSent(country + "-letter-" + i, country,
                        "REF " + i, sentOn, "Amnesty International", "Minister " + i, "Subject " + i, List.of(), dueBy,
                        List.of())));
            }
        }
    }

    /** Answers, reminders with new due dates, and retractions, to letters picked at random. */
    private void changedSome(int howMany) {
        for (int i = 0; i < howMany; i++) {
            EventEnvelope sent = letters.get(random.nextInt(letters.size()));
            LetterSent letter = (LetterSent) sent.event();
            switch (random.nextInt(3)) {
                case 0 -> applied(letter.letterId(), new ResponseReceived(letter.letterId(), "response-" + i,
                        letter.country(), letter.sentOn().plusDays(5 + random.nextInt(100)), "Ministry", "An answer",
                        List.of()));
                case 1 -> applied(letter.letterId(), new FollowUpSent(letter.letterId(), "follow-up-" + i,
                        letter.country(), letter.sentOn().plusDays(20), "Reminder",
                        random.nextBoolean() ? null : letter.sentOn().plusDays(60 + random.nextInt(300))));
                default -> applied(letter.letterId(), new FactRetracted(letter.letterId(), letter.country(), sent.id(),
                        "LetterSent", "Recorded twice", LocalDate.of(2013, 5, 2)));
            }
        }
    }

    private EventEnvelope applied(String letterId, TrackerEvent event) {
        EventEnvelope envelope = store.recorded(letterId, "Letter", event);
        store.applied(envelope, projection);
        return envelope;
    }
}
