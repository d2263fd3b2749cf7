package org.followuptracker.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.followuptracker.command.actor.CurrentActor;
import org.followuptracker.command.web.CachedBodyRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes a POST safe to retry: a client that sends an {@code Idempotency-Key} header and sends the same request again
 * with the same key gets the first answer again, and nothing more is recorded. The same key with another request
 * is refused (422); a key whose first request is still running is a conflict (409). A refused first request frees
 * its key.
 */
@Component
class IdempotencyKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotency-Replayed";
    private static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyKeys keys;
    private final CurrentActor actor;
    private final ObjectMapper json;

    IdempotencyKeyFilter(IdempotencyKeys keys, CurrentActor actor, ObjectMapper json) {
        this.keys = keys;
        this.actor = actor;
        this.json = json;
    }

    /**
     * Only JSON commands: an upload (the UHRI import) is read by the servlet container itself, and importing the same
     * file again adds nothing anyway.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/")
                || (request.getContentType() != null && request.getContentType().startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problem(response, request, HttpStatus.BAD_REQUEST, "Invalid request",
                    HEADER + " must have 1 to " + MAX_KEY_LENGTH + " characters");
            return;
        }
        // BodySizeLimit has already refused a body over the limit.
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request.getMethod() + " " + request.getRequestURI(), body);
        String who = actor.name();
        if (!keys.claim(who, key, hash)) {
            answerAgain(keys.find(who, key), hash, request, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
            if (recorded.getStatus() >= 200 && recorded.getStatus() < 300) {
                keys.complete(who, key, recorded.getStatus(), recorded.getContentType(),
                        new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
                completed = true;
            }
        } finally {
            if (!completed) {
                keys.release(who, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void answerAgain(Optional<IdempotencyKeys.Used> used, String hash, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (used.isEmpty()) {
            problem(response, request, HttpStatus.CONFLICT, "Conflict",
                    "the first request with this " + HEADER + " has just finished; send it again");
        } else if (!used.get().requestHash().equals(hash)) {
            problem(response, request, HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused",
                    "this " + HEADER + " was used for another request; use a new key for a new request");
        } else if (used.get().status() == null) {
            problem(response, request, HttpStatus.CONFLICT, "Conflict",
                    "the first request with this " + HEADER + " has not answered: it is still running, or it stopped "
                            + "half-way; look whether it was recorded before sending it with a new key");
        } else {
            response.setStatus(used.get().status());
            if (used.get().contentType() != null) {
                response.setContentType(used.get().contentType());
            }
            response.setHeader(REPLAYED, "true");
            if (used.get().body() != null) {
                response.getOutputStream().write(used.get().body().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void problem(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String title,
            String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://follow-up-tracker.org/problems/idempotency-key"));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("field", HEADER);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String hash(String target, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(target.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
