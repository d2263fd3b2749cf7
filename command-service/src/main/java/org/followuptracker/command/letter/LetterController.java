package org.followuptracker.command.letter;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.Map;
import org.followuptracker.command.actor.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Where coordinators record the letters they sent and the responses they received. */
@RestController
// Answers JSON only: a client that takes none is refused (406) before the command runs, not after it recorded.
@RequestMapping(path = "/api/letters", produces = MediaType.APPLICATION_JSON_VALUE)
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
        return recorder.sendLetter(request, actor.recording(request.source()));
    }

    @Operation(summary = "Record a reminder sent about a letter, perhaps with a new due date for the answer")
    @PostMapping("/{letterId}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> sendFollowUp(@PathVariable String letterId, @Valid @RequestBody FollowUpRequest request) {
        return Map.of("followUpId", recorder.sendFollowUp(letterId, request, actor.recording(request.source())));
    }

    @Operation(summary = "Set, move, or (with responseDueBy null) withdraw the day the answer to a letter is due")
    @PostMapping("/{letterId}/due-date")
    @ResponseStatus(HttpStatus.CREATED)
    void changeDueDate(@PathVariable String letterId, @Valid @RequestBody DueDateRequest request) {
        recorder.changeDueDate(letterId, request, actor.recording(request.source()));
    }

    @Operation(summary = "Record that the sender published the letter, on a day and perhaps at a web address")
    @PostMapping("/{letterId}/publication")
    @ResponseStatus(HttpStatus.CREATED)
    void recordPublication(@PathVariable String letterId, @Valid @RequestBody PublicationRequest request) {
        recorder.recordPublication(letterId, request, actor.recording(request.source()));
    }

    @Operation(summary = "Record a government's response to a letter, with its positions")
    @PostMapping("/{letterId}/responses")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> recordResponse(@PathVariable String letterId, @Valid @RequestBody RecordResponseRequest request) {
        return Map.of("responseId", recorder.recordResponse(letterId, request, actor.recording(request.source())));
    }
}
