package org.followuptracker.access;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before its password is checked: too many failed from its address, or for its name. */
public class SignInThrottled extends AuthenticationException {

    private final Duration retryAfter;

    public SignInThrottled(Duration retryAfter) {
        super("Too many failed sign-ins: try again in " + minutes(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    /** When a try may be let through again, at the soonest: at least a second. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
