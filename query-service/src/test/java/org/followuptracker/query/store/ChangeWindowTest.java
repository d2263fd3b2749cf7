package org.followuptracker.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ChangeWindowTest {

    @Test
    void aReaderUpToDateIsToldNothingChanged() {
        assertThat(ChangeWindow.after(List.of(), Long::longValue, 0, 0)).contains(List.of());
        assertThat(ChangeWindow.after(List.of(5L, 6L), Long::longValue, 6, 6)).contains(List.of());
    }

    @Test
    void aReaderBehindIsToldTheChangesSinceWhatItHolds() {
        assertThat(ChangeWindow.after(List.of(4L, 5L, 6L), Long::longValue, 4, 6)).contains(List.of(5L, 6L));
        assertThat(ChangeWindow.after(List.of(4L, 5L, 6L), Long::longValue, 3, 6)).contains(List.of(4L, 5L, 6L));
        assertThat(ChangeWindow.after(List.of(1L), Long::longValue, 0, 1)).contains(List.of(1L));
    }

    @Test
    void aReaderFurtherBehindThanTheWindowOrAheadOfItIsToldToReadWhole() {
        assertThat(ChangeWindow.after(List.of(4L, 5L, 6L), Long::longValue, 2, 6)).isEmpty();
        assertThat(ChangeWindow.after(List.of(), Long::longValue, 2, 6)).isEmpty();
        assertThat(ChangeWindow.after(List.of(4L, 5L, 6L), Long::longValue, 7, 6)).isEmpty();
    }

    @Test
    void aWindowMissingAChangeBetweenIsToldToReadWhole() {
        // Change 5 numbered by a writer that kept it elsewhere (another version, during a rolling deploy).
        assertThat(ChangeWindow.after(List.of(4L, 6L), Long::longValue, 3, 6)).isEmpty();
        assertThat(ChangeWindow.after(List.of(4L, 6L), Long::longValue, 4, 6)).isEmpty();
        assertThat(ChangeWindow.after(List.of(4L, 5L), Long::longValue, 4, 6)).as("the last is missing").isEmpty();
        assertThat(ChangeWindow.after(List.of(4L, 6L), Long::longValue, 5, 6)).contains(List.of(6L));
    }

    @Test
    void theWindowKeepsTheLastChangesOnly() {
        List<Long> recent = new ArrayList<>();
        for (long change = 1; change <= ChangeWindow.KEPT + 5; change++) {
            recent = ChangeWindow.appended(recent, change);
        }
        assertThat(recent).containsExactlyElementsOf(LongStream.rangeClosed(6, ChangeWindow.KEPT + 5).boxed().toList());
        assertThat(ChangeWindow.after(recent, Long::longValue, 5, ChangeWindow.KEPT + 5)).contains(recent);
        assertThat(ChangeWindow.after(recent, Long::longValue, 4, ChangeWindow.KEPT + 5)).isEmpty();
    }
}
