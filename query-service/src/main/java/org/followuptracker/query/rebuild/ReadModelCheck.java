package org.followuptracker.query.rebuild;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Whether the live read models equal a fresh rebuild from the topic; if not, how many documents differ and the
 * first of them.
 */
public record ReadModelCheck(
        int liveGeneration,
        Instant startedAt,
        Instant finishedAt,
        boolean equal,
        long eventsRead,
        Map<String, Long> documents,
        long differenceCount,
        List<ReadModelComparison.Difference> differences) {
}
