package org.followuptracker.command.letter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.followuptracker.command.refusal.CommandRefusedException;
import org.followuptracker.command.retraction.RecordedFacts;
import org.followuptracker.command.retraction.RetractLetterFactCommand;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterEvent;
import org.followuptracker.events.LetterPublished;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.PositionTaken;
import org.followuptracker.events.ResponseDueDateExtended;
import org.followuptracker.events.ResponseDueDateSet;
import org.followuptracker.events.ResponseDueDateWithdrawn;
import org.followuptracker.events.ResponseReceived;

/** A letter to a government and what came back: the consistency boundary for its responses. */
@Aggregate
public class Letter {

    @AggregateIdentifier
    private String letterId;
    private String country;
    private LocalDate sentOn;
    private LocalDate responseDueBy;
    private Set<String> urged;
    private final RecordedFacts facts = new RecordedFacts("letter", LetterSent.class);
    /** Each due date the letter had, by the event that gave it, in order: a retraction falls back on the one before. */
    private final List<DueDate> dueDates = new ArrayList<>();

    private record DueDate(String eventId, LocalDate dueBy) {
    }

    protected Letter() {
        // for Axon
    }

    @CommandHandler
    public Letter(SendLetterCommand command) {
        if (command.recommendationIds().isEmpty()) {
            throw new CommandRefusedException("recommendations", "a letter must urge at least one recommendation");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < command.recommendationIds().size(); i++) {
            if (!seen.add(command.recommendationIds().get(i))) {
                throw new CommandRefusedException("recommendations[" + i + "].recommendationId",
                        "the letter already urges recommendation " + command.recommendationIds().get(i));
            }
        }
        if (command.responseDueBy() != null && command.responseDueBy().isBefore(command.sentOn())) {
            throw new CommandRefusedException("responseDueBy", "must not be before sentOn (" + command.sentOn() + ")");
        }
        apply(new LetterSent(command.letterId(), command.country(), command.reference(), command.sentOn(),
                command.sender(), command.recipient(), command.subject(), command.copiedTo(),
                command.responseDueBy(), command.recommendationIds()));
    }

    @CommandHandler
    public String handle(RecordResponseCommand command) {
        facts.refuseIfWithdrawn("letterId", letterId);
        if (command.receivedOn().isBefore(sentOn)) {
            throw new CommandRefusedException("receivedOn", "must not be before the letter was sent (" + sentOn + ")");
        }
        List<PositionTaken> positions = command.positions();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < positions.size(); i++) {
            String recommendationId = positions.get(i).recommendationId();
            if (!urged.contains(recommendationId)) {
                throw new CommandRefusedException("positions[" + i + "].recommendationId",
                        "the letter did not urge recommendation " + recommendationId);
            }
            if (!seen.add(recommendationId)) {
                throw new CommandRefusedException("positions[" + i + "].recommendationId",
                        "the response already takes a position on recommendation " + recommendationId);
            }
        }
        apply(new ResponseReceived(letterId, command.responseId(), country, command.receivedOn(), command.from(),
                command.summary(), positions));
        return command.responseId();
    }

    @CommandHandler
    public String handle(SendFollowUpCommand command) {
        facts.refuseIfWithdrawn("letterId", letterId);
        if (command.sentOn().isBefore(sentOn)) {
            throw new CommandRefusedException("sentOn", "must not be before the letter was sent (" + sentOn + ")");
        }
        if (command.responseDueBy() != null && command.responseDueBy().isBefore(command.sentOn())) {
            throw new CommandRefusedException("responseDueBy", "must not be before the follow-up was sent ("
                    + command.sentOn() + ")");
        }
        apply(new FollowUpSent(letterId, command.followUpId(), country, command.sentOn(), command.summary(),
                command.responseDueBy()));
        return command.followUpId();
    }

    @CommandHandler
    public void handle(ChangeResponseDueDateCommand command) {
        facts.refuseIfWithdrawn("letterId", letterId);
        if (command.changedOn().isBefore(sentOn)) {
            throw new CommandRefusedException("changedOn", "must not be before the letter was sent (" + sentOn + ")");
        }
        LocalDate dueBy = command.responseDueBy();
        if (dueBy == null) {
            if (responseDueBy == null) {
                throw new CommandRefusedException("responseDueBy", "the letter has no due date to withdraw");
            }
            apply(new ResponseDueDateWithdrawn(letterId, country, command.changedOn(), command.reason()));
        } else if (dueBy.isBefore(sentOn)) {
            throw new CommandRefusedException("responseDueBy", "must not be before the letter was sent (" + sentOn + ")");
        } else if (dueBy.equals(responseDueBy)) {
            throw new CommandRefusedException("responseDueBy", "the answer is already due by " + dueBy);
        } else if (responseDueBy != null && dueBy.isAfter(responseDueBy)) {
            apply(new ResponseDueDateExtended(letterId, country, dueBy, command.changedOn(), command.reason()));
        } else {
            apply(new ResponseDueDateSet(letterId, country, dueBy, command.changedOn(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(RecordPublicationCommand command) {
        facts.refuseIfWithdrawn("letterId", letterId);
        if (command.publishedOn().isBefore(sentOn)) {
            throw new CommandRefusedException("publishedOn", "must not be before the letter was sent (" + sentOn + ")");
        }
        apply(new LetterPublished(letterId, country, command.publishedOn(), command.url()));
    }

    @CommandHandler
    public void handle(RetractLetterFactCommand command) {
        facts.refuseIfWithdrawn("letterId", letterId);
        String type = facts.typeToRetract(command.eventId());
        apply(new FactRetracted(letterId, country, command.eventId(), type, command.reason(), command.retractedOn()));
    }

    /**
     * Every fact of the letter is kept (so that it can be retracted), then changes what it changes: each kind has
     * its case in {@link Rebuilding}, which the compiler holds to every kind of letter event.
     */
    @EventSourcingHandler
    void on(LetterEvent event, @MessageIdentifier String eventId) {
        facts.recorded(eventId, event.getClass());
        event.accept(new Rebuilding(eventId));
    }

    @EventSourcingHandler
    void on(FactRetracted event) {
        facts.retracted(event);
        dueDates.removeIf(due -> due.eventId().equals(event.retractedEventId()));
        responseDueBy = dueDates.isEmpty() ? null : dueDates.get(dueDates.size() - 1).dueBy();
    }

    private void dueBy(String eventId, LocalDate dueBy) {
        dueDates.add(new DueDate(eventId, dueBy));
        responseDueBy = dueBy;
    }

    /** What each kind of letter event changes in the state the letter decides with. */
    private final class Rebuilding implements LetterEvent.Visitor<Void> {

        private final String eventId;

        Rebuilding(String eventId) {
            this.eventId = eventId;
        }

        @Override
        public Void letterSent(LetterSent event) {
            letterId = event.letterId();
            country = event.country();
            sentOn = event.sentOn();
            urged = Set.copyOf(event.recommendationIds());
            dueBy(eventId, event.responseDueBy());
            return null;
        }

        @Override
        public Void followUpSent(FollowUpSent event) {
            if (event.responseDueBy() != null) {
                dueBy(eventId, event.responseDueBy());
            }
            return null;
        }

        @Override
        public Void responseDueDateSet(ResponseDueDateSet event) {
            dueBy(eventId, event.responseDueBy());
            return null;
        }

        @Override
        public Void responseDueDateExtended(ResponseDueDateExtended event) {
            dueBy(eventId, event.responseDueBy());
            return null;
        }

        @Override
        public Void responseDueDateWithdrawn(ResponseDueDateWithdrawn event) {
            dueBy(eventId, null);
            return null;
        }

        /** A response changes nothing the letter decides with: it is only a fact that can be retracted. */
        @Override
        public Void responseReceived(ResponseReceived event) {
            return null;
        }

        /** Nor does a publication. */
        @Override
        public Void letterPublished(LetterPublished event) {
            return null;
        }
    }
}
