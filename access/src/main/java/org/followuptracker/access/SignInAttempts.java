package org.followuptracker.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per user name: after {@value #MOST_FAILURES} within {@link #WINDOW}, the name is locked for
 * {@link #LOCKED_FOR}, correct password or not, so a password cannot be guessed at the speed of the API. Kept in
 * memory by each service instance (a restart forgets it; each service counts its own).
 */
public class SignInAttempts {

    static final int MOST_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCKED_FOR = Duration.ofMinutes(15);
    /** Names remembered at most: beyond, the oldest failures are forgotten first (a flood of made-up names). */
    static final int MOST_NAMES = 100_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInAttempts(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant firstAt, Instant lockedUntil) {
    }

    /** How long the name stays locked, if it is. */
    public Optional<Duration> lockedFor(String username) {
        Failures found = failures.get(key(username));
        Instant now = clock.instant();
        if (found == null || found.lockedUntil() == null || !found.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, found.lockedUntil()));
    }

    public void failed(String username) {
        Instant now = clock.instant();
        if (failures.size() >= MOST_NAMES) {
            failures.entrySet().removeIf(entry -> entry.getValue().firstAt().plus(WINDOW).isBefore(now)
                    && (entry.getValue().lockedUntil() == null || entry.getValue().lockedUntil().isBefore(now)));
        }
        failures.compute(key(username), (name, before) -> {
            Failures current = before == null || before.firstAt().plus(WINDOW).isBefore(now)
                    && (before.lockedUntil() == null || !before.lockedUntil().isAfter(now))
                    ? new Failures(0, now, null) : before;
            int count = current.count() + 1;
            return new Failures(count, current.firstAt(),
                    count >= MOST_FAILURES ? now.plus(LOCKED_FOR) : current.lockedUntil());
        });
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
