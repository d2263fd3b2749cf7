package org.followuptracker.access;

import java.time.Duration;
import java.time.Instant;

/**
 * What sign-in throttling keeps about one client address (see {@link SignInAttempts}), as two lines of text:
 * {@code own 19 2026-11-28T10:03:00Z} and {@code failed 2026-11-28T10:03:00Z} (or {@code failed -}).
 *
 * @param own      the address's tries, for every name together
 * @param failedAt when a try from it last failed; null if none did
 */
record AddressAttempts(Bucket own, Instant failedAt) {

    static AddressAttempts none(Instant now) {
        return new AddressAttempts(SignInAttempts.PER_ADDRESS.full(now), null);
    }

    boolean failedWithin(Duration span, Instant now) {
        return failedAt != null && failedAt.plus(span).isAfter(now);
    }

    /** Nothing to remember: tries all back and no failure within the span that matters. */
    boolean mattersNoMore(Instant now) {
        return own.isFull(SignInAttempts.PER_ADDRESS, now) && !failedWithin(SignInAttempts.FAILED_WITHIN, now);
    }

    String text() {
        return "own " + own.tokens() + " " + own.refilledAt() + "\nfailed " + (failedAt == null ? "-" : failedAt)
                + "\n";
    }

    static AddressAttempts parse(String text, Instant now) {
        AddressAttempts read = none(now);
        for (String line : text.split("\n")) {
            String[] parts = line.strip().split(" ");
            switch (parts[0]) {
                case "own" -> read = new AddressAttempts(
                        new Bucket(Integer.parseInt(parts[1]), Instant.parse(parts[2])), read.failedAt());
                case "failed" -> read = new AddressAttempts(read.own(),
                        parts[1].equals("-") ? null : Instant.parse(parts[1]));
                default -> throw new IllegalArgumentException("not a line of sign-in attempts: " + line);
            }
        }
        return read;
    }
}
