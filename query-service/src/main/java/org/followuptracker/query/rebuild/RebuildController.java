package org.followuptracker.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import org.followuptracker.query.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** For admins: rebuild the read models from the topic, follow its progress, check the live ones against a rebuild. */
@RestController
// Answers JSON only: a client that takes none is refused (406) before a rebuild starts, not after.
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class RebuildController {

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Operation(summary = "Starts rebuilding every read model from the topic, beside the live ones, which readers keep "
            + "reading until the new ones have caught up. 409 while a rebuild or check runs.")
    @PostMapping("/api/admin/rebuilds")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildProgress start() {
        return rebuilds.start("requested");
    }

    @Operation(summary = "The running rebuild's progress (events done, events per second, lag), or the last one's outcome")
    @GetMapping("/api/admin/rebuilds/latest")
    RebuildProgress latest() {
        return rebuilds.progress().orElseThrow(() -> new NotFoundException("no rebuild has run since this service started"));
    }

    @Operation(summary = "Compares the live read models with a fresh rebuild from the topic and reports any difference")
    @PostMapping("/api/admin/read-model-checks")
    ReadModelCheck check() {
        return rebuilds.check();
    }
}
