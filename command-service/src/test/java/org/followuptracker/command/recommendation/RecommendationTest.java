package org.followuptracker.command.recommendation;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.followuptracker.command.refusal.CommandRefusedException;
import org.followuptracker.command.retraction.RetractRecommendationFactCommand;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.Position;
import org.followuptracker.events.PositionRecorded;
import org.followuptracker.events.RecommendationImplemented;
import org.followuptracker.events.RecommendationNotImplemented;
import org.followuptracker.events.RecommendationPartiallyImplemented;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.UnSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecommendationTest {

    private static final List<UnSource> SOURCES = List.of(
            new UnSource("A/HRC/14/10", "95.44", List.of("Germany")),
            new UnSource("A/HRC/14/10", "95.45", List.of("Germany")));
    private static final RecommendationRecorded RECORDED = new RecommendationRecorded("rec-1", "KAZ",
            "Strengthen safeguards against torture", Mechanism.UPR, SOURCES, List.of("Torture"));
    private static final LocalDate ASSESSED_ON = LocalDate.of(2014, 6, 1);

    private FixtureConfiguration<Recommendation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Recommendation.class);
    }

    @Test
    void recordingARecommendationKeepsItsTextAndSources() {
        fixture.givenNoPriorActivity()
                .when(new RecordRecommendationCommand("rec-1", "KAZ", "Strengthen safeguards against torture", Mechanism.UPR, SOURCES,
                        List.of("Torture")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(RECORDED);
    }

    @Test
    void aRecommendationWithoutTextIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordRecommendationCommand("rec-1", "KAZ", " ", Mechanism.UPR, SOURCES, List.of()))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("a recommendation needs its text");
    }

    @Test
    void aSourceWithoutItsSymbolIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordRecommendationCommand("rec-1", "KAZ", "Text", Mechanism.UPR,
                        List.of(new UnSource(null, "95.42", List.of("Australia"))), List.of()))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("a UN source needs its document symbol");
    }

    @Test
    void aFindingWithoutEvidenceIsRefused() {
        fixture.given(RECORDED)
                .when(new RecordImplementationFindingCommand("rec-1", ImplementationStatus.IMPLEMENTED, ASSESSED_ON, ""))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("a finding needs the evidence it rests on");
    }

    @Test
    void aFullyImplementedFindingIsRecommendationImplemented() {
        fixture.given(RECORDED)
                .when(new RecordImplementationFindingCommand("rec-1", ImplementationStatus.IMPLEMENTED, ASSESSED_ON,
                        "Criminal Code amended"))
                .expectEvents(new RecommendationImplemented("rec-1", "KAZ", ASSESSED_ON, "Criminal Code amended"));
    }

    @Test
    void aPartialFindingIsRecordedAsPartial() {
        fixture.given(RECORDED)
                .when(new RecordImplementationFindingCommand("rec-1", ImplementationStatus.PARTIALLY_IMPLEMENTED,
                        ASSESSED_ON, "Bill drafted"))
                .expectEvents(new RecommendationPartiallyImplemented("rec-1", "KAZ", ASSESSED_ON, "Bill drafted"));
    }

    @Test
    void aLaterFindingCanSetItBack() {
        fixture.given(RECORDED, new RecommendationImplemented("rec-1", "KAZ", ASSESSED_ON, "Criminal Code amended"))
                .when(new RecordImplementationFindingCommand("rec-1", ImplementationStatus.NOT_IMPLEMENTED,
                        ASSESSED_ON.plusYears(1), "Amendment repealed"))
                .expectEvents(new RecommendationNotImplemented("rec-1", "KAZ", ASSESSED_ON.plusYears(1),
                        "Amendment repealed"));
    }

    @Test
    void aPositionKnownFromADocumentIsRecordedWithItsSource() {
        fixture.given(RECORDED)
                .when(new RecordPositionCommand("rec-1", Position.SUPPORTED, LocalDate.of(2010, 6, 1), "A/HRC/14/10/Add.1"))
                .expectEvents(new PositionRecorded("rec-1", "KAZ", Position.SUPPORTED, LocalDate.of(2010, 6, 1),
                        "A/HRC/14/10/Add.1"));
    }

    @Test
    void aPositionWithoutItsSourceIsRefused() {
        fixture.given(RECORDED)
                .when(new RecordPositionCommand("rec-1", Position.NOTED, LocalDate.of(2010, 6, 1), " "))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("a position known from a document needs that document");
    }

    @Test
    void aWrongFindingIsRetractedAndARetractedRecommendationTakesNoMoreFacts() {
        RecommendationImplemented finding = new RecommendationImplemented("rec-1", "KAZ", ASSESSED_ON, "Wrong report");
        TestExecutor<Recommendation> given = fixture.given(RECORDED, finding);
        List<String> ids = fixture.getEventStore().readEvents("rec-1").asStream().map(m -> m.getIdentifier()).toList();
        given.when(new RetractRecommendationFactCommand("rec-1", ids.get(1), "Report was about another law",
                        LocalDate.of(2014, 7, 1)))
                .expectEvents(new FactRetracted("rec-1", "KAZ", ids.get(1), "RecommendationImplemented",
                        "Report was about another law", LocalDate.of(2014, 7, 1)));

        fixture.given(RECORDED, new FactRetracted("rec-1", "KAZ", "any", "RecommendationRecorded", "Duplicate",
                        LocalDate.of(2014, 7, 1)))
                .when(new RecordPositionCommand("rec-1", Position.NOTED, LocalDate.of(2014, 8, 1), "A/HRC/1/1/Add.1"))
                .expectNoEvents()
                .expectExceptionMessage("the recommendation rec-1 was retracted");
    }

    @Test
    void aFindingOnAnUnknownRecommendationIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordImplementationFindingCommand("rec-404", ImplementationStatus.IMPLEMENTED, ASSESSED_ON,
                        "Evidence"))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
}
