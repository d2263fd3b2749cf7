package org.followuptracker.command.recommendation;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.followuptracker.command.actor.CurrentActor;
import org.followuptracker.command.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Where coordinators record what they found of a recommendation's implementation. */
@RestController
class ImplementationController {

    private final CommandGateway commands;
    private final CurrentActor actor;

    ImplementationController(CommandGateway commands, CurrentActor actor) {
        this.commands = commands;
        this.actor = actor;
    }

    @Operation(summary = "Record an implementation finding; IMPLEMENTED records RecommendationImplemented")
    @PostMapping("/api/recommendations/{recommendationId}/implementation")
    @ResponseStatus(HttpStatus.CREATED)
    void recordFinding(@PathVariable String recommendationId, @Valid @RequestBody ImplementationFindingRequest request) {
        try {
            commands.sendAndWait(new RecordImplementationFindingCommand(recommendationId, request.status(),
                    request.assessedOn(), request.evidence().strip()), MetaData.with(CurrentActor.METADATA_KEY, actor.name()));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new NotFoundException("no recommendation " + recommendationId + " is recorded");
        }
    }
}
