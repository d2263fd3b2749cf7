package org.followuptracker.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses sign-in with {@code 429} (and {@code Retry-After}) for a user name locked by too many failed attempts,
 * before the password is even checked; counts each failure and clears the count on success.
 */
public class SignInLockout extends OncePerRequestFilter {

    private final SignInAttempts attempts;

    public SignInLockout(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> username = basicUsername(request);
        Optional<Duration> locked = username.flatMap(attempts::lockedFor);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemResponses.tooManyAttempts(request, response, seconds);
            return;
        }
        chain.doFilter(request, response);
    }

    @EventListener
    public void on(AbstractAuthenticationFailureEvent failure) {
        attempts.failed(failure.getAuthentication().getName());
    }

    @EventListener
    public void on(AuthenticationSuccessEvent success) {
        attempts.succeeded(success.getAuthentication().getName());
    }

    private static Optional<String> basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
