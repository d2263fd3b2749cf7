package org.followuptracker.query.letter;

import java.time.LocalDate;
import java.util.function.Supplier;

/** A value as known now, worked out again when the day changes (waiting is counted to the day). */
final class Daily<T> {

    record Today<T>(LocalDate day, T value) {
    }

    private volatile Today<T> kept;

    /** The value last worked out, with its day; or null. */
    Today<T> last() {
        return kept;
    }

    T on(LocalDate day, Supplier<T> workOut) {
        Today<T> today = kept;
        if (today == null || !today.day().equals(day)) {
            today = new Today<>(day, workOut.get());
            kept = today;
        }
        return today.value();
    }
}
