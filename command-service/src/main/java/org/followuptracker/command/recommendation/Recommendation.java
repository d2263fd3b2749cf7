package org.followuptracker.command.recommendation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.followuptracker.command.retraction.RecordedFacts;
import org.followuptracker.command.retraction.RetractRecommendationFactCommand;
import org.followuptracker.command.refusal.CommandRefusedException;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.PositionRecorded;
import org.followuptracker.events.RecommendationImplemented;
import org.followuptracker.events.RecommendationNotImplemented;
import org.followuptracker.events.RecommendationPartiallyImplemented;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.TrackerEvent;
import org.followuptracker.events.UnSource;

/** A recommendation made to a government, and what was found of its implementation. */
@Aggregate
public class Recommendation {

    @AggregateIdentifier
    private String recommendationId;
    private String country;
    private final RecordedFacts facts = new RecordedFacts("recommendation", RecommendationRecorded.class);

    protected Recommendation() {
        // for Axon
    }

    @CommandHandler
    public Recommendation(RecordRecommendationCommand command) {
        if (command.text() == null || command.text().isBlank()) {
            throw new CommandRefusedException("text", "a recommendation needs its text");
        }
        for (int i = 0; i < command.sources().size(); i++) {
            UnSource source = command.sources().get(i);
            if (source.symbol() == null || source.symbol().isBlank()) {
                throw new CommandRefusedException("sources[" + i + "].symbol", "a UN source needs its document symbol");
            }
        }
        apply(new RecommendationRecorded(command.recommendationId(), command.country(), command.text(),
                command.mechanism(), command.sources(), command.themes(), command.madeOn()));
    }

    @CommandHandler
    public void handle(RecordImplementationFindingCommand command) {
        facts.refuseIfWithdrawn("recommendationId", recommendationId);
        if (command.evidence() == null || command.evidence().isBlank()) {
            throw new CommandRefusedException("evidence", "a finding needs the evidence it rests on");
        }
        switch (command.status()) {
            case IMPLEMENTED -> apply(new RecommendationImplemented(
                    recommendationId, country, command.assessedOn(), command.evidence()));
            case PARTIALLY_IMPLEMENTED -> apply(new RecommendationPartiallyImplemented(
                    recommendationId, country, command.assessedOn(), command.evidence()));
            case NOT_IMPLEMENTED -> apply(new RecommendationNotImplemented(
                    recommendationId, country, command.assessedOn(), command.evidence()));
        }
    }

    @CommandHandler
    public void handle(RecordPositionCommand command) {
        facts.refuseIfWithdrawn("recommendationId", recommendationId);
        if (command.source() == null || command.source().isBlank()) {
            throw new CommandRefusedException("source", "a position known from a document needs that document");
        }
        apply(new PositionRecorded(recommendationId, country, command.position(), command.takenOn(),
                command.source()));
    }

    @CommandHandler
    public void handle(RetractRecommendationFactCommand command) {
        facts.refuseIfWithdrawn("recommendationId", recommendationId);
        String type = facts.typeToRetract(command.eventId());
        apply(new FactRetracted(recommendationId, country, command.eventId(), type, command.reason(),
                command.retractedOn()));
    }

    @EventSourcingHandler
    void on(RecommendationRecorded event, @MessageIdentifier String eventId) {
        recommendationId = event.recommendationId();
        country = event.country();
        facts.recorded(eventId, RecommendationRecorded.class);
    }

    /** Positions and findings change no state used in decisions; they are only facts that can be retracted. */
    @EventSourcingHandler
    void on(TrackerEvent event, @MessageIdentifier String eventId) {
        facts.recorded(eventId, event.getClass());
    }

    @EventSourcingHandler
    void on(FactRetracted event) {
        facts.retracted(event);
    }
}
