package org.followuptracker.command.letter;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.Map;
import org.followuptracker.command.actor.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Where coordinators record the letters they sent and the responses they received. */
@RestController
@RequestMapping("/api/letters")
class LetterController {

    private final LetterRecorder recorder;
    private final CurrentActor actor;

    LetterController(LetterRecorder recorder, CurrentActor actor) {
        this.recorder = recorder;
        this.actor = actor;
    }

    @Operation(summary = "Record a letter sent to a government, urging new or known recommendations")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    LetterRecorded sendLetter(@Valid @RequestBody SendLetterRequest request) {
        return recorder.sendLetter(request, actor.name());
    }

    @Operation(summary = "Record a government's response to a letter, with its positions")
    @PostMapping("/{letterId}/responses")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> recordResponse(@PathVariable String letterId, @Valid @RequestBody RecordResponseRequest request) {
        return Map.of("responseId", recorder.recordResponse(letterId, request, actor.name()));
    }
}
