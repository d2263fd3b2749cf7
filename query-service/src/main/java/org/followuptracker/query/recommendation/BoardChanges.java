package org.followuptracker.query.recommendation;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.followuptracker.query.readmodel.ChangeWindow;
import org.springframework.data.annotation.Id;

/**
 * Which recommendations of a country the last events changed, numbered: a reader holding the board as of one
 * change re-reads only those changed since ({@link BoardReads}). Written after the recommendations' documents and
 * before the country's audit head ({@link org.followuptracker.query.readmodel.BatchingReadModel#WRITTEN_LAST}).
 */
public record BoardChanges(@Id String country, long latest, List<Change> recent) {

    public static final String COLLECTION = "board_changes";

    public record Change(long number, List<String> recommendationIds) {
    }

    public BoardChanges {
        recent = recent == null ? List.of() : recent;
    }

    static BoardChanges none(String country) {
        return new BoardChanges(country, 0, List.of());
    }

    BoardChanges with(Collection<String> recommendationIds) {
        Change change = new Change(latest + 1, List.copyOf(recommendationIds));
        return new BoardChanges(country, change.number(), ChangeWindow.appended(recent, change));
    }

    /** The recommendations changed after change {@code known}; empty if this no longer tells them all. */
    Optional<Set<String>> changedAfter(long known) {
        return ChangeWindow.after(recent, Change::number, known, latest).map(changes -> {
            Set<String> ids = new LinkedHashSet<>();
            changes.forEach(change -> ids.addAll(change.recommendationIds()));
            return ids;
        });
    }
}
