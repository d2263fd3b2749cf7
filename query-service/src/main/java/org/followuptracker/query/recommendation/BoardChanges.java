package org.followuptracker.query.recommendation;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.followuptracker.query.readmodel.ChangeWindow;
import org.springframework.data.annotation.Id;

/**
 * Which recommendations of a country the last events changed, numbered, and the last of the country's events it
 * was written for (every event of the country writes it): a reader holding the board as of one change re-reads only
 * those changed since ({@link BoardReads}). Written after the recommendations' documents and before the country's
 * audit head ({@link org.followuptracker.query.readmodel.ReadModelLayout}).
 */
public record BoardChanges(@Id String country, long latest, List<Change> recent, String throughEventId) {

    public static final String COLLECTION = "board_changes";

    public record Change(long number, List<String> recommendationIds) {
    }

    public BoardChanges {
        recent = recent == null ? List.of() : recent;
    }

    static BoardChanges none(String country) {
        return new BoardChanges(country, 0, List.of(), null);
    }

    /** These changes after event {@code eventId}, which changed {@code recommendationIds} (perhaps none). */
    BoardChanges after(String eventId, Collection<String> recommendationIds) {
        if (recommendationIds.isEmpty()) {
            return new BoardChanges(country, latest, recent, eventId);
        }
        Change change = new Change(latest + 1, List.copyOf(recommendationIds));
        return new BoardChanges(country, change.number(), ChangeWindow.appended(recent, change), eventId);
    }

    /**
     * The recommendations changed after change {@code known}, if this tells them all and was written for every event
     * up to {@code lastEventId}.
     */
    Optional<Set<String>> changedAfter(long known, String lastEventId) {
        if (!lastEventId.equals(throughEventId)) {
            return Optional.empty();
        }
        return ChangeWindow.after(recent, Change::number, known, latest).map(changes -> {
            Set<String> ids = new LinkedHashSet<>();
            changes.forEach(change -> ids.addAll(change.recommendationIds()));
            return ids;
        });
    }
}
