package org.followuptracker.query.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The last few changes of a country's documents, numbered, as kept beside them (the board's, the letters'): a reader
 * who holds the documents as of change {@code n} brings them up to date with the changes after {@code n}, instead of
 * reading the whole country again ({@code CountryReadCache}). Only the last {@value #KEPT} are kept: a reader further
 * behind reads the country whole.
 */
public final class ChangeWindow {

    public static final int KEPT = 32;
    /** The change documents are as of when it is not known: the window never tells what changed since. */
    public static final long UNKNOWN = -1;

    private ChangeWindow() {
    }

    /** {@code recent} with {@code change} added last, and the oldest dropped beyond {@value #KEPT}. */
    public static <C> List<C> appended(List<C> recent, C change) {
        List<C> changes = new ArrayList<>(recent.subList(Math.max(0, recent.size() + 1 - KEPT), recent.size()));
        changes.add(change);
        return List.copyOf(changes);
    }

    /**
     * The changes numbered above {@code known} up to {@code latest}, oldest first; empty if the window no longer
     * holds them all, or misses one between (numbered by another version that kept its changes elsewhere), or
     * {@code known} is ahead (which only a store written by someone else can make).
     */
    public static <C> Optional<List<C>> after(List<C> recent, ToLongFunction<C> number, long known, long latest) {
        if (known == latest) {
            return Optional.of(List.of());
        }
        if (known > latest || recent.isEmpty() || number.applyAsLong(recent.get(0)) > known + 1) {
            return Optional.empty();
        }
        List<C> after = recent.stream().filter(change -> number.applyAsLong(change) > known).toList();
        return after.size() == latest - known ? Optional.of(after) : Optional.empty();
    }
}
