package org.followuptracker.command.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container sends to {@code /error} as a problem body too, in place of Spring Boot's own JSON: a
 * path that Spring Security's firewall refuses before any handler (an empty segment as in
 * {@code /api/letters//responses}, a {@code ;}, an encoded {@code /} or {@code .}) is a 400 naming {@code path};
 * any other status keeps its code. The content type is set here: a client that accepts only HTML gets it too.
 * Not part of the API's description.
 */
@Hidden
@RestController
class ErrorProblems implements ErrorController {

    private static final String TYPES = "https://follow-up-tracker.org/problems/";

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        ProblemDetail problem;
        if (status == HttpStatus.BAD_REQUEST) {
            problem = problem(status, "malformed-request", "Malformed request", "the request cannot be taken: its path "
                    + "has an empty segment (//), a ';', an encoded '/', '\\' or '%', or a '.' or '..' segment, or a "
                    + "header holds a character it may not");
            problem.setProperty("field", "path");
        } else if (status == HttpStatus.NOT_FOUND) {
            problem = problem(status, "not-found", "Not found", "nothing is at this path");
        } else if (status.is5xxServerError()) {
            problem = problem(status, "internal", "Internal error", "the request failed unexpectedly; it was most "
                    + "likely not recorded: check the country's timeline, or retry with the same Idempotency-Key");
        } else {
            problem = problem(status, "refused", status.getReasonPhrase(), "the request was refused: "
                    + status.getReasonPhrase());
        }
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            problem.setInstance(safeUri(path));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The status of the error; none when {@code /error} itself is asked for, which is then not found. */
    private static HttpStatus status(Object code) {
        if (!(code instanceof Integer value)) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = HttpStatus.resolve(value);
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    /** The path as it came, when it is a URI at all (a refused one may not be). */
    private static URI safeUri(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
