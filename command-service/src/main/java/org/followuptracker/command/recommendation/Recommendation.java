package org.followuptracker.command.recommendation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.followuptracker.command.refusal.CommandRefusedException;
import org.followuptracker.command.retraction.RecordedFacts;
import org.followuptracker.command.retraction.RetractRecommendationFactCommand;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.PositionRecorded;
import org.followuptracker.events.RecommendationEvent;
import org.followuptracker.events.RecommendationImplemented;
import org.followuptracker.events.RecommendationNotImplemented;
import org.followuptracker.events.RecommendationPartiallyImplemented;
import org.followuptracker.events.RecommendationRecorded;
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
        apply(switch (command.status()) {
            case IMPLEMENTED -> new RecommendationImplemented(
                    recommendationId, country, command.assessedOn(), command.evidence());
            case PARTIALLY_IMPLEMENTED -> new RecommendationPartiallyImplemented(
                    recommendationId, country, command.assessedOn(), command.evidence());
            case NOT_IMPLEMENTED -> new RecommendationNotImplemented(
                    recommendationId, country, command.assessedOn(), command.evidence());
        });
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

    /**
     * Every fact of the recommendation is kept (so that it can be retracted), then changes what it changes: each
     * kind has its case in {@link #rebuilding}, which the compiler holds to every kind of recommendation event.
     */
    @EventSourcingHandler
    void on(RecommendationEvent event, @MessageIdentifier String eventId) {
        facts.recorded(eventId, event.getClass());
        event.accept(rebuilding);
    }

    @EventSourcingHandler
    void on(FactRetracted event) {
        facts.retracted(event);
    }

    /**
     * What each kind of recommendation event changes in the state the recommendation decides with: only the first
     * says which it is; positions and findings are only facts that can be retracted.
     */
    private final RecommendationEvent.Visitor<Void> rebuilding = new RecommendationEvent.Visitor<>() {

        @Override
        public Void recommendationRecorded(RecommendationRecorded event) {
            recommendationId = event.recommendationId();
            country = event.country();
            return null;
        }

        @Override
        public Void positionRecorded(PositionRecorded event) {
            return null;
        }

        @Override
        public Void recommendationImplemented(RecommendationImplemented event) {
            return null;
        }

        @Override
        public Void recommendationPartiallyImplemented(RecommendationPartiallyImplemented event) {
            return null;
        }

        @Override
        public Void recommendationNotImplemented(RecommendationNotImplemented event) {
            return null;
        }
    };
}
