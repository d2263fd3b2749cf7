package org.followuptracker.access;

import java.time.Duration;
import java.time.Instant;

/**
 * Tries left of a {@link Budget}: a try takes one, and one comes back every {@link Budget#every()} until the
 * budget's capacity is reached, the first a whole period after the bucket was last full. So within any span of time
 * at most {@link Budget#mostWithin} tries are taken, whatever their pace.
 *
 * @param tokens     tries left when last refilled
 * @param refilledAt when the last try came back (or the bucket was last seen full)
 */
record Bucket(int tokens, Instant refilledAt) {

    /** How many tries at once, and how often one more. */
    record Budget(int capacity, Duration every) {

        Bucket full(Instant now) {
            return new Bucket(capacity, now);
        }

        /**
         * The most tries taken within any span this long ({@code [t, t + span)}): all that are left at its start,
         * at most the capacity, and one at each time one comes back; when the bucket is full at the start, the first
         * comes back a whole period later, and when it is not, one fewer is left at the start.
         */
        int mostWithin(Duration span) {
            return capacity - 1 + (int) ((span.toMillis() + every.toMillis() - 1) / every.toMillis());
        }
    }

    int available(Budget budget, Instant now) {
        return refilled(budget, now).tokens();
    }

    boolean isFull(Budget budget, Instant now) {
        return available(budget, now) >= budget.capacity();
    }

    /** One try taken: only when {@link #available} is at least one. */
    Bucket take(Budget budget, Instant now) {
        Bucket current = refilled(budget, now);
        if (current.tokens() < 1) {
            throw new IllegalStateException("no try left to take");
        }
        return new Bucket(current.tokens() - 1, current.refilledAt());
    }

    /** A try taken for an attempt that proved right comes back. */
    Bucket giveBack(Budget budget, Instant now) {
        Bucket current = refilled(budget, now);
        return current.tokens() + 1 >= budget.capacity() ? budget.full(now)
                : new Bucket(current.tokens() + 1, current.refilledAt());
    }

    /** How long until a try is left: zero when one is. */
    Duration untilNext(Budget budget, Instant now) {
        Bucket current = refilled(budget, now);
        return current.tokens() > 0 ? Duration.ZERO : Duration.between(now, current.refilledAt().plus(budget.every()));
    }

    private Bucket refilled(Budget budget, Instant now) {
        if (tokens >= budget.capacity()) {
            // Full: the next try comes back a whole period after one is taken, not sooner.
            return budget.full(now);
        }
        long periods = Duration.between(refilledAt, now).toMillis() / budget.every().toMillis();
        if (periods <= 0) {
            return this;
        }
        return tokens + periods >= budget.capacity() ? budget.full(now)
                : new Bucket((int) (tokens + periods), refilledAt.plus(budget.every().multipliedBy(periods)));
    }
}
