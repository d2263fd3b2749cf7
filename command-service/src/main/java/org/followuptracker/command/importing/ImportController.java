package org.followuptracker.command.importing;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.followuptracker.command.actor.CurrentActor;
import org.followuptracker.command.refusal.CommandRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Where coordinators import the recommendations of a UHRI spreadsheet export, saved as CSV. */
@RestController
// Answers JSON only: a client that takes none is refused (406) before the command runs, not after it recorded.
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class ImportController {

    private final UhriImport importer;
    private final CurrentActor actor;

    ImportController(UhriImport importer, CurrentActor actor) {
        this.importer = importer;
        this.actor = actor;
    }

    @Operation(summary = "Import the recommendations of a UHRI export (CSV); a second import of the same file adds "
            + "nothing; each rejected row is listed with its line number and reason")
    @PostMapping(path = "/api/recommendations/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importUhri(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new CommandRefusedException("file", "the file is empty");
        }
        String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        // Strict UTF-8: a file saved in another encoding is refused, not stored with its letters garbled for good.
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader csv = new InputStreamReader(file.getInputStream(), utf8)) {
            return importer.importCsv(csv, name, actor.name());
        } catch (IllegalArgumentException | UncheckedIOException | CharacterCodingException e) {
            if (causedByEncoding(e)) {
                throw new CommandRefusedException("file", "the file is not UTF-8: save it from the spreadsheet as "
                        + "\"CSV UTF-8\"");
            }
            if (e instanceof IllegalArgumentException) {
                throw new CommandRefusedException("file", e.getMessage());
            }
            throw e;
        }
    }

    private static boolean causedByEncoding(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }
}
