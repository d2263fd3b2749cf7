package org.followuptracker.embedded.benchmark;

import java.util.Arrays;

/** Durations recorded in nanoseconds, from any thread; percentiles in milliseconds. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The {@code p}-th percentile (0 to 100) in milliseconds, nearest rank. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1_000_000.0;
    }
}
