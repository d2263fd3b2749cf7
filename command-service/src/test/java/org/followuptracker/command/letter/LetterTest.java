package org.followuptracker.command.letter;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.axonframework.test.matchers.Matchers;
import org.followuptracker.command.refusal.CommandRefusedException;
import org.followuptracker.command.retraction.RetractLetterFactCommand;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterPublished;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Position;
import org.followuptracker.events.PositionTaken;
import org.followuptracker.events.ResponseDueDateExtended;
import org.followuptracker.events.ResponseDueDateSet;
import org.followuptracker.events.ResponseDueDateWithdrawn;
import org.followuptracker.events.ResponseReceived;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LetterTest {

    private static final LocalDate SENT_ON = LocalDate.of(2012, 10, 18);

    private FixtureConfiguration<Letter> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Letter.class);
    }

    private static SendLetterCommand sendLetter(LocalDate responseDueBy, List<String> recommendationIds) {
        return new SendLetterCommand("letter-1", "KAZ", "EUR 57/005/2012", SENT_ON, "Amnesty International",
                "Minister of Foreign Affairs", "Candidacy for the Human Rights Council",
                List.of("Permanent Mission in Geneva", "Permanent Mission in New York"), responseDueBy, recommendationIds);
    }

    private static LetterSent letterSent() {
        return new LetterSent("letter-1", "KAZ", "EUR 57/005/2012", SENT_ON, "Amnesty International",
                "Minister of Foreign Affairs", "Candidacy for the Human Rights Council",
                List.of("Permanent Mission in Geneva", "Permanent Mission in New York"), LocalDate.of(2012, 12, 1),
                List.of("rec-1", "rec-2"));
    }

    @Test
    void sendingALetterRecordsWhatItUrges() {
        fixture.givenNoPriorActivity()
                .when(sendLetter(LocalDate.of(2012, 12, 1), List.of("rec-1", "rec-2")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(letterSent());
    }

    @Test
    void aLetterThatUrgesNothingIsRefused() {
        fixture.givenNoPriorActivity()
                .when(sendLetter(null, List.of()))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("a letter must urge at least one recommendation");
    }

    @Test
    void aLetterThatUrgesTheSameRecommendationTwiceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(sendLetter(null, List.of("rec-1", "rec-1")))
                .expectNoEvents()
                .expectException(CommandRefusedException.class);
    }

    @Test
    void aResponseDueBeforeTheLetterWasSentIsRefused() {
        fixture.givenNoPriorActivity()
                .when(sendLetter(SENT_ON.minusDays(1), List.of("rec-1")))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("must not be before sentOn (2012-10-18)");
    }

    @Test
    void aFollowUpMayGiveTheAnswerANewDueDate() {
        fixture.given(letterSent())
                .when(new SendFollowUpCommand("letter-1", "follow-up-1", LocalDate.of(2012, 12, 10), "Reminder",
                        LocalDate.of(2013, 1, 31)))
                .expectResultMessagePayload("follow-up-1")
                .expectEvents(new FollowUpSent("letter-1", "follow-up-1", "KAZ", LocalDate.of(2012, 12, 10), "Reminder",
                        LocalDate.of(2013, 1, 31)));
    }

    @Test
    void aFollowUpBeforeTheLetterIsRefused() {
        fixture.given(letterSent())
                .when(new SendFollowUpCommand("letter-1", "follow-up-1", SENT_ON.minusDays(1), "Reminder", null))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("must not be before the letter was sent (2012-10-18)");
    }

    @Test
    void aPublicationIsRecordedWithItsDayAndAddress() {
        fixture.given(letterSent())
                .when(new RecordPublicationCommand("letter-1", LocalDate.of(2012, 10, 25),
                        "https://www.amnesty.org/en/documents/eur57/005/2012/en/"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LetterPublished("letter-1", "KAZ", LocalDate.of(2012, 10, 25),
                        "https://www.amnesty.org/en/documents/eur57/005/2012/en/"));
    }

    @Test
    void aPublicationBeforeTheLetterWasSentIsRefused() {
        fixture.given(letterSent())
                .when(new RecordPublicationCommand("letter-1", SENT_ON.minusDays(1), null))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("must not be before the letter was sent (2012-10-18)");
    }

    @Test
    void aPublicationOfARetractedLetterIsRefused() {
        fixture.given(letterSent(), new FactRetracted("letter-1", "KAZ", "any", "LetterSent", "Wrong recipient",
                        LocalDate.of(2012, 10, 20)))
                .when(new RecordPublicationCommand("letter-1", LocalDate.of(2012, 10, 25), null))
                .expectNoEvents()
                .expectExceptionMessage("the letter letter-1 was retracted");
    }

    @Test
    void aPublicationCanBeRetracted() {
        TestExecutor<Letter> given = fixture.given(letterSent(), new LetterPublished("letter-1", "KAZ",
                LocalDate.of(2012, 10, 25), null));
        String publishedEvent = eventIds().get(1);
        given.when(new RetractLetterFactCommand("letter-1", publishedEvent, "Not yet published", LocalDate.of(2012, 10, 26)))
                .expectEvents(new FactRetracted("letter-1", "KAZ", publishedEvent, "LetterPublished",
                        "Not yet published", LocalDate.of(2012, 10, 26)));
    }

    @Test
    void aLaterDueDateIsAnExtension() {
        fixture.given(letterSent())
                .when(new ChangeResponseDueDateCommand("letter-1", LocalDate.of(2013, 3, 1), LocalDate.of(2012, 11, 30),
                        "The ministry asked for time"))
                .expectEvents(new ResponseDueDateExtended("letter-1", "KAZ", LocalDate.of(2013, 3, 1),
                        LocalDate.of(2012, 11, 30), "The ministry asked for time"));
    }

    @Test
    void anEarlierDueDateOrOneOnALetterWithoutIsSet() {
        fixture.given(letterSent(), new ResponseDueDateWithdrawn("letter-1", "KAZ", LocalDate.of(2012, 11, 1), "Open-ended"))
                .when(new ChangeResponseDueDateCommand("letter-1", LocalDate.of(2012, 11, 20), LocalDate.of(2012, 11, 2),
                        "Before the election"))
                .expectEvents(new ResponseDueDateSet("letter-1", "KAZ", LocalDate.of(2012, 11, 20),
                        LocalDate.of(2012, 11, 2), "Before the election"));
    }

    @Test
    void aDueDateCanBeWithdrawnOnceOnly() {
        fixture.given(letterSent())
                .when(new ChangeResponseDueDateCommand("letter-1", null, LocalDate.of(2012, 11, 1), "Open-ended"))
                .expectEvents(new ResponseDueDateWithdrawn("letter-1", "KAZ", LocalDate.of(2012, 11, 1), "Open-ended"));
        fixture.given(letterSent(), new ResponseDueDateWithdrawn("letter-1", "KAZ", LocalDate.of(2012, 11, 1), "Open-ended"))
                .when(new ChangeResponseDueDateCommand("letter-1", null, LocalDate.of(2012, 11, 2), "Again"))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("the letter has no due date to withdraw");
    }

    @Test
    void theSameDueDateOrOneBeforeTheLetterIsRefused() {
        fixture.given(letterSent())
                .when(new ChangeResponseDueDateCommand("letter-1", LocalDate.of(2012, 12, 1), LocalDate.of(2012, 11, 2), "x"))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("the answer is already due by 2012-12-01");
        fixture.given(letterSent())
                .when(new ChangeResponseDueDateCommand("letter-1", SENT_ON.minusDays(1), LocalDate.of(2012, 11, 2), "x"))
                .expectNoEvents()
                .expectException(CommandRefusedException.class);
    }

    @Test
    void aRetractedDueDateGivesWayToTheOneBeforeAndCannotBeRetractedTwice() {
        ResponseDueDateExtended extended = new ResponseDueDateExtended("letter-1", "KAZ", LocalDate.of(2013, 3, 1),
                LocalDate.of(2012, 11, 30), "Asked for time");
        TestExecutor<Letter> given = fixture.given(letterSent(), extended);
        String extendedEvent = eventIds().get(1);
        FactRetracted retracted = new FactRetracted("letter-1", "KAZ", extendedEvent, "ResponseDueDateExtended",
                "Never agreed", LocalDate.of(2012, 12, 2));

        given.when(new RetractLetterFactCommand("letter-1", extendedEvent, "Never agreed", LocalDate.of(2012, 12, 2)))
                .expectEvents(retracted);
        // With the extension retracted, the answer is due by 2012-12-01 again: setting that date changes nothing.
        TestExecutor<Letter> again = fixture.given(letterSent(), extended);
        again.andGiven(new FactRetracted("letter-1", "KAZ", eventIds().get(1), "ResponseDueDateExtended", "Never agreed",
                        LocalDate.of(2012, 12, 2)))
                .when(new ChangeResponseDueDateCommand("letter-1", LocalDate.of(2012, 12, 1), LocalDate.of(2012, 12, 3), "x"))
                .expectNoEvents()
                .expectExceptionMessage("the answer is already due by 2012-12-01");
    }

    @Test
    void aRetractedLetterTakesNoMoreFacts() {
        TestExecutor<Letter> given = fixture.given(letterSent());
        String sentEvent = eventIds().get(0);
        given.when(new RetractLetterFactCommand("letter-1", sentEvent, "Wrong recipient", LocalDate.of(2012, 10, 20)))
                .expectEvents(new FactRetracted("letter-1", "KAZ", sentEvent, "LetterSent", "Wrong recipient",
                        LocalDate.of(2012, 10, 20)));
        fixture.given(letterSent(), new FactRetracted("letter-1", "KAZ", "any", "LetterSent", "Wrong recipient",
                        LocalDate.of(2012, 10, 20)))
                .when(new SendFollowUpCommand("letter-1", "follow-up-1", LocalDate.of(2012, 12, 10), "Reminder", null))
                .expectNoEvents()
                .expectExceptionMessage("the letter letter-1 was retracted");
    }

    /** The ids the fixture gave the events of {@code given}, in order: a retraction names one of them. */
    private List<String> eventIds() {
        return fixture.getEventStore().readEvents("letter-1").asStream().map(m -> m.getIdentifier()).toList();
    }

    @Test
    void aFactThatIsNotRecordedOnTheLetterCannotBeRetracted() {
        fixture.given(letterSent())
                .when(new RetractLetterFactCommand("letter-1", "no-such-event", "Mistake", LocalDate.of(2013, 1, 1)))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("no fact no-such-event is recorded on this letter");
    }

    @Test
    void aResponseRecordsThePositionsTaken() {
        RecordResponseCommand command = new RecordResponseCommand("letter-1", "response-1", LocalDate.of(2012, 11, 5),
                "Ministry of Foreign Affairs", "Thanks; the death penalty is under review",
                List.of(new PositionTaken("rec-2", Position.PARTIALLY_SUPPORTED)));

        fixture.given(letterSent())
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload("response-1")
                .expectEvents(new ResponseReceived("letter-1", "response-1", "KAZ", LocalDate.of(2012, 11, 5),
                        "Ministry of Foreign Affairs", "Thanks; the death penalty is under review",
                        List.of(new PositionTaken("rec-2", Position.PARTIALLY_SUPPORTED))));
    }

    @Test
    void aLetterCanBeAnsweredMoreThanOnce() {
        ResponseReceived first = new ResponseReceived("letter-1", "response-1", "KAZ", LocalDate.of(2012, 11, 5),
                "Ministry", "First answer", List.of(new PositionTaken("rec-1", Position.NOTED)));

        fixture.given(letterSent(), first)
                .when(new RecordResponseCommand("letter-1", "response-2", LocalDate.of(2013, 2, 1), "Ministry",
                        "Second answer", List.of(new PositionTaken("rec-1", Position.SUPPORTED))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ResponseReceived("letter-1", "response-2", "KAZ", LocalDate.of(2013, 2, 1),
                        "Ministry", "Second answer", List.of(new PositionTaken("rec-1", Position.SUPPORTED))));
    }

    @Test
    void aPositionOnARecommendationTheLetterDidNotUrgeIsRefused() {
        fixture.given(letterSent())
                .when(new RecordResponseCommand("letter-1", "response-1", LocalDate.of(2012, 11, 5), "Ministry",
                        "Answer", List.of(new PositionTaken("rec-9", Position.SUPPORTED))))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("the letter did not urge recommendation rec-9")
                .expectException(Matchers.predicate(thrown -> thrown instanceof CommandRefusedException refused
                        && refused.field().equals("positions[0].recommendationId")));
    }

    @Test
    void twoPositionsOnOneRecommendationInOneResponseAreRefused() {
        fixture.given(letterSent())
                .when(new RecordResponseCommand("letter-1", "response-1", LocalDate.of(2012, 11, 5), "Ministry",
                        "Answer", List.of(new PositionTaken("rec-1", Position.SUPPORTED),
                        new PositionTaken("rec-1", Position.REJECTED))))
                .expectNoEvents()
                .expectException(CommandRefusedException.class);
    }

    @Test
    void aResponseReceivedBeforeTheLetterWasSentIsRefused() {
        fixture.given(letterSent())
                .when(new RecordResponseCommand("letter-1", "response-1", SENT_ON.minusDays(1), "Ministry",
                        "Answer", List.of()))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("must not be before the letter was sent (2012-10-18)");
    }
}
