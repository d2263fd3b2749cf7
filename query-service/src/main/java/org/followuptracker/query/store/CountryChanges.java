package org.followuptracker.query.store;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;

/**
 * Which of a country's documents of one kind (its letters, its recommendations) the last events changed, numbered
 * ({@link ChangeWindow}), and the last of the country's events it was written for (every event of the country writes
 * it): a reader holding the documents as of one change re-reads only those changed since instead of all of them
 * ({@code CountryReadCache}). Declared written last, after the documents and before the country's audit head.
 */
public record CountryChanges(@Id String country, long latest, List<Change> recent, String throughEventId) {

    /** Change {@code number}: the documents one event changed. */
    public record Change(long number, List<String> ids) {
    }

    public CountryChanges {
        recent = recent == null ? List.of() : recent;
    }

    public static CountryChanges none(String country) {
        return new CountryChanges(country, 0, List.of(), null);
    }

    /** These changes after event {@code eventId}, which changed the documents {@code ids} (perhaps none). */
    public CountryChanges after(String eventId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return new CountryChanges(country, latest, recent, eventId);
        }
        Change change = new Change(latest + 1, List.copyOf(ids));
        return new CountryChanges(country, change.number(), ChangeWindow.appended(recent, change), eventId);
    }

    /**
     * The ids of the documents changed after change {@code known}, in the order of their first change since, if this
     * tells them all and was written for every event up to {@code lastEventId}.
     */
    public Optional<List<String>> changedAfter(long known, String lastEventId) {
        if (!lastEventId.equals(throughEventId)) {
            return Optional.empty();
        }
        return ChangeWindow.after(recent, Change::number, known, latest).map(changes -> {
            Set<String> ids = new LinkedHashSet<>();
            changes.forEach(change -> ids.addAll(change.ids()));
            return List.copyOf(ids);
        });
    }

    /** How many ids the changes name: what the live consumer counts of it when it keeps it. */
    public int entries() {
        return recent.stream().mapToInt(change -> change.ids().size()).sum();
    }
}
