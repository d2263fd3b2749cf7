package org.followuptracker.query.rebuild;

import java.time.Instant;

/**
 * How a build of the read models is going: how many events it applied, how fast, how many are left to read (lag),
 * and whether its generation is live yet.
 */
public record RebuildProgress(
        int generation,
        String purpose,
        State state,
        Instant startedAt,
        Instant finishedAt,
        long eventsDone,
        double eventsPerSecond,
        long lag,
        String problem) {

    public enum State { RUNNING, LIVE, BUILT, FAILED }
}
