package org.followuptracker.command.retraction;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.followuptracker.command.actor.CurrentActor;
import org.followuptracker.command.refusal.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Where a coordinator withdraws a fact recorded by mistake; the correct one is then recorded anew. */
@RestController
// Answers JSON only: a client that takes none is refused (406) before the command runs, not after it recorded.
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class RetractionController {

    private final CommandGateway commands;
    private final CurrentActor actor;
    private final Clock clock = Clock.systemUTC();

    RetractionController(CommandGateway commands, CurrentActor actor) {
        this.commands = commands;
        this.actor = actor;
    }

    @Operation(summary = "Retract a fact recorded on a letter (the letter itself, a response, a follow-up, a due date)")
    @PostMapping("/api/letters/{letterId}/retractions")
    @ResponseStatus(HttpStatus.CREATED)
    void retractOnLetter(@PathVariable String letterId, @Valid @RequestBody RetractionRequest request) {
        retract(letterId, "letter", new RetractLetterFactCommand(letterId, request.eventId().strip(),
                request.reason().strip(), LocalDate.now(clock)), request);
    }

    @Operation(summary = "Retract a fact recorded on a recommendation (the recommendation itself, a position, a finding)")
    @PostMapping("/api/recommendations/{recommendationId}/retractions")
    @ResponseStatus(HttpStatus.CREATED)
    void retractOnRecommendation(@PathVariable String recommendationId, @Valid @RequestBody RetractionRequest request) {
        retract(recommendationId, "recommendation", new RetractRecommendationFactCommand(recommendationId,
                request.eventId().strip(), request.reason().strip(), LocalDate.now(clock)), request);
    }

    private void retract(String aggregateId, String what, Object command, RetractionRequest request) {
        try {
            commands.sendAndWait(command, actor.recording(request.source()).metaData());
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new NotFoundException("no " + what + " " + aggregateId + " is recorded");
        }
    }
}
