package org.followuptracker.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a command body over {@value #MAX_BODY_BYTES} bytes with {@code 413} and a problem body, before anything
 * parses it: no command of ours comes near it (a recorded event may have 512 KiB at most). Uploads (the UHRI
 * import) have the multipart limits instead. Runs after sign-in, so a stranger's large body is not even read.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class BodySizeLimit extends OncePerRequestFilter {

    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ObjectMapper json;

    BodySizeLimit(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || "GET".equals(request.getMethod())
                || (request.getContentType() != null && request.getContentType().startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            tooLarge(request, response);
            return;
        }
        // Without a declared length (chunked), read at most one byte more than allowed to tell.
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "body: a command body has at most " + MAX_BODY_BYTES + " bytes");
        problem.setTitle("Body too large");
        problem.setType(URI.create("https://follow-up-tracker.org/problems/body-too-large"));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("field", "body");
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // The rest of the body is not read; the connection is closed rather than drained.
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), problem);
    }
}
