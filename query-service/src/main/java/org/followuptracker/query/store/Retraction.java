package org.followuptracker.query.store;

import java.time.Instant;

/** That a fact was retracted: by which event, recorded when. */
public record Retraction(String eventId, Instant recordedAt) {

    /** Whether the retraction was known at {@code asOf}. */
    public static boolean knownAt(Retraction retraction, Instant asOf) {
        return retraction != null && !retraction.recordedAt().isAfter(asOf);
    }
}
