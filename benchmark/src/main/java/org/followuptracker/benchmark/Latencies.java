package org.followuptracker.benchmark;

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

    /** The slowest durations, slowest first: which of the recorded (1 for the first) and how many milliseconds. */
    synchronized String slowest(int how) {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(how, count); i++) {
            text.append(i == 0 ? "" : ", ").append(String.format("#%d %.1f ms", order[i] + 1, nanos[order[i]] / 1e6));
        }
        return text.toString();
    }
}
