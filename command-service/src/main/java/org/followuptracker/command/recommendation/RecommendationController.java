package org.followuptracker.command.recommendation;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
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

/** Where coordinators record what is known of one recommendation: positions taken on it, its implementation. */
@RestController
// Answers JSON only: a client that takes none is refused (406) before the command runs, not after it recorded.
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class RecommendationController {

    private final CommandGateway commands;
    private final CurrentActor actor;

    RecommendationController(CommandGateway commands, CurrentActor actor) {
        this.commands = commands;
        this.actor = actor;
    }

    @Operation(summary = "Record a recommendation on its own, before or without a letter")
    @PostMapping("/api/recommendations")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> record(@Valid @RequestBody RecordRecommendationRequest request) {
        String recommendationId = UUID.randomUUID().toString();
        commands.sendAndWait(new RecordRecommendationCommand(recommendationId, request.country(), request.text().strip(),
                request.mechanism(), UnSources.of(request.sources()),
                request.themes().stream().map(String::strip).toList(), request.madeOn()),
                actor.recording(request.source()).metaData());
        return Map.of("recommendationId", recommendationId);
    }

    @Operation(summary = "Record a position the government took on a recommendation, known from a document "
            + "such as a UPR addendum (not from an answer to a letter)")
    @PostMapping("/api/recommendations/{recommendationId}/positions")
    @ResponseStatus(HttpStatus.CREATED)
    void recordPosition(@PathVariable String recommendationId, @Valid @RequestBody PositionRequest request) {
        send(recommendationId, new RecordPositionCommand(recommendationId, request.position(), request.takenOn(),
                request.source().strip()), request.source());
    }

    @Operation(summary = "Record an implementation finding; IMPLEMENTED records RecommendationImplemented")
    @PostMapping("/api/recommendations/{recommendationId}/implementation")
    @ResponseStatus(HttpStatus.CREATED)
    void recordFinding(@PathVariable String recommendationId, @Valid @RequestBody ImplementationFindingRequest request) {
        send(recommendationId, new RecordImplementationFindingCommand(recommendationId, request.status(),
                request.assessedOn(), request.evidence().strip()), request.source());
    }

    private void send(String recommendationId, Object command, String source) {
        try {
            commands.sendAndWait(command, actor.recording(source).metaData());
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new NotFoundException("no recommendation " + recommendationId + " is recorded");
        }
    }
}
