package org.followuptracker.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401, 403 and 429 as RFC 9457 problem bodies, like every other refusal of the API. */
final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    /** 401 with the challenge; 429 with {@code Retry-After} for a sign-in refused by {@link SignInAttempts}. */
    static AuthenticationEntryPoint unauthenticated(String challenge) {
        return (request, response, e) -> {
            if (e instanceof SignInThrottled throttled) {
                tooManyAttempts(request, response, throttled);
                return;
            }
            response.setHeader("WWW-Authenticate", challenge);
            write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                    "sign in to use the API (" + challenge.split(" ")[0] + ")");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                "your role does not allow this");
    }

    private static void tooManyAttempts(HttpServletRequest request, HttpServletResponse response,
            SignInThrottled throttled) throws IOException {
        response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-attempts", "Too many failed sign-ins",
                "too many sign-ins failed for this name or from this address; try again in "
                        + throttled.retryAfterSeconds() + " s");
    }

    /**
     * Written as a map in RFC 9457's order: a {@link org.springframework.http.ProblemDetail} given to a plain
     * {@link ObjectMapper} (without Spring's mix-in) also writes {@code "properties": null}.
     */
    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://follow-up-tracker.org/problems/" + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
