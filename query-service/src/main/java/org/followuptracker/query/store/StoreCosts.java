package org.followuptracker.query.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What a kind of store work cost, per collection: how many keys or documents, and how long it took. */
final class StoreCosts {

    private final Map<String, long[]> byCollection = new LinkedHashMap<>();

    void add(String collection, int count, long nanos) {
        long[] cost = byCollection.computeIfAbsent(collection, name -> new long[2]);
        cost[0] += count;
        cost[1] += nanos;
    }

    /** "collection count/ms", the costliest collection first: for the log of a slow batch. */
    String summary() {
        return byCollection.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .map(cost -> cost.getKey() + " " + cost.getValue()[0] + "/" + cost.getValue()[1] / 1_000_000)
                .collect(Collectors.joining(", "));
    }
}
