package org.followuptracker.query.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refusal as an RFC 9457 problem body, naming the parameter at fault. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPES = "https://follow-up-tracker.org/problems/";

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalid(InvalidParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                e.parameter() + ": " + e.getMessage());
        problem.setProperty("field", e.parameter());
        problem.setProperty("errors", List.of(Map.of("field", e.parameter(), "message", e.getMessage())));
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String parameter = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        return ResponseEntity.badRequest().body(invalid(new InvalidParameterException(parameter,
                "must be " + (e.getRequiredType() == null ? "of another type" : "a " + e.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT))
                        + ", not '" + e.getValue() + "'")));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ProblemDetail storeUnavailable(DataAccessResourceFailureException e) {
        log.warn("read store unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Read store unavailable",
                "the read models cannot be reached; try again shortly");
    }

    /**
     * A multipart body that cannot be read (no boundary, garbage): no call here takes one, and they are read lazily
     * ({@code application.yml}), so only a handler that asks for parts would meet this.
     */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableBody(MultipartException e) {
        return invalid(new InvalidParameterException("body", "cannot be read as multipart/form-data"));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", "the request failed unexpectedly");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
