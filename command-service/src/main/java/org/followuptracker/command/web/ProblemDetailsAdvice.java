package org.followuptracker.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.followuptracker.command.refusal.CommandRefusedException;
import org.followuptracker.command.refusal.ConflictException;
import org.followuptracker.command.refusal.NotFoundException;
import org.followuptracker.events.AcceptedDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as an RFC 9457 problem body. A refusal caused by one request field names it in {@code field}, and
 * {@code errors} lists every field at fault; nothing is appended for a refused request.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPES = "https://follow-up-tracker.org/problems/";

    @ExceptionHandler(CommandRefusedException.class)
    ProblemDetail refused(CommandRefusedException e) {
        return fieldProblem(List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler({NotFoundException.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class,
            DataIntegrityViolationException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict",
                "someone else changed the same letter or recommendation at the same moment; reload and try again");
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            TransientDataAccessException.class, DataAccessResourceFailureException.class})
    ProblemDetail storeUnavailable(Exception e) {
        log.warn("event store unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Event store unavailable",
                "the event store cannot be reached; try again shortly. If the line broke while the fact was being "
                        + "stored, it may have been recorded after all: retry with the same Idempotency-Key, which "
                        + "never records a fact twice, or check the country's timeline");
    }

    /**
     * An upload that cannot be read as {@code multipart/form-data} (no boundary, cut short, garbage). Multipart
     * bodies are read lazily ({@code application.yml}), only by a handler that takes parts: the import's {@code file};
     * the JSON commands refuse such a body with 415 before reading it.
     */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableUpload(MultipartException e) {
        return fieldProblem(List.of(new FieldProblem("file", "cannot be read: send a multipart/form-data body with "
                + "the file as its part named file")));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (StoreFailures.unreachable(e)) {
            return storeUnavailable(e);
        }
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request failed unexpectedly; it was most likely not recorded: check the country's timeline, or "
                        + "retry with the same Idempotency-Key, which never records a fact twice");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), message(error)))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return ResponseEntity.badRequest().body(fieldProblem(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(fieldProblem(problems));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(fieldProblem(List.of(new FieldProblem(e.getRequestPartName(),
                "is missing: send it as a part of the multipart/form-data body"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JsonMappingException mapping = mappingProblem(e);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String detail = describeProblem(mapping);
            return ResponseEntity.badRequest().body(fieldProblem(List.of(new FieldProblem(field, detail))));
        }
        Throwable cause = e.getMostSpecificCause();
        String detail = cause instanceof JsonProcessingException json
                ? "the body is not valid JSON: " + json.getOriginalMessage()
                : "the body is missing or cannot be read as JSON";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body", detail);
        // No field of it can be named: the body itself is at fault.
        problem.setProperty("field", "body");
        problem.setProperty("errors", List.of(Map.of("field", "body", "message", detail)));
        return ResponseEntity.badRequest().body(problem);
    }

    /** The outermost JSON mapping problem: it knows the path of the field, where its causes (a date parse) do not. */
    private static JsonMappingException mappingProblem(Throwable e) {
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping) {
                return mapping;
            }
        }
        return null;
    }

    private static String describeProblem(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (mapping instanceof RefusedValueException) {
            return mapping.getOriginalMessage();
        }
        Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "cannot be read: " + mapping.getOriginalMessage();
        }
        if (target == LocalDate.class) {
            return AcceptedDates.EXPECTED;
        }
        return "must be " + describe(target);
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return "an object";
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static ProblemDetail fieldProblem(List<FieldProblem> problems) {
        String detail = problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("field", problems.isEmpty() ? null : problems.get(0).field());
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message()))
                .toList());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    private record FieldProblem(String field, String message) {
    }
}
