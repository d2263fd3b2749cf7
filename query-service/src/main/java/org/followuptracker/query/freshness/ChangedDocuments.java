package org.followuptracker.query.freshness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.followuptracker.query.store.CountryChanges;
import org.followuptracker.query.store.DirectReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings what is kept of countries' documents of one kind (their letters, their boards) up to date with the
 * documents changed since ({@link CountryChanges}): a few documents read rather than a country's thousands. The
 * documents are written before the changes that name them, so they are read as of the change told, or newer. A
 * country whose changes do not tell, or name a document the store does not hold for it, is read whole.
 *
 * @param changes   the collection of each country's changes
 * @param documents the collection of the documents they name, of {@code type}, keyed by {@code id}
 */
public record ChangedDocuments<T extends ChangedDocuments.Kept<T, D>, D>(String changes, String documents,
        Class<D> type, Function<D, String> id, Function<D, String> country) implements CountryReadCache.Refresh<T> {

    private static final Logger log = LoggerFactory.getLogger(ChangedDocuments.class);

    /** What is kept of a country's documents, as of one of the country's changes of them. */
    public interface Kept<T, D> {

        long asOfChange();

        /** This with {@code changed} (in the order of their first change) in place of what it held of them, as of {@code latest}. */
        T with(List<D> changed, long latest);
    }

    @Override
    public Map<String, T> refreshed(DirectReadModel readModel, Map<String, T> kept, Map<String, String> lastEventIds) {
        Map<String, CountryChanges> told = new HashMap<>();
        Map<String, List<String>> changedIds = new HashMap<>();
        for (CountryChanges changesOf : readModel.findAll(changes, kept.keySet(), CountryChanges.class)) {
            String country = changesOf.country();
            changesOf.changedAfter(kept.get(country).asOfChange(), lastEventIds.get(country)).ifPresent(ids -> {
                told.put(country, changesOf);
                changedIds.put(country, ids);
            });
        }
        Map<String, D> byId = new HashMap<>();
        readModel.findAll(documents, changedIds.values().stream().flatMap(List::stream).toList(), type)
                .forEach(document -> byId.put(id.apply(document), document));
        Map<String, T> refreshed = new HashMap<>();
        changedIds.forEach((country, ids) -> {
            List<D> changed = new ArrayList<>(ids.size());
            for (String changedId : ids) {
                D document = byId.get(changedId);
                if (document == null || !this.country.apply(document).equals(country)) {
                    // Each document is written before the change that names it: this is a read model to check.
                    log.warn("{} of {}: a change names {}, which is not one of {}'s in the read models", documents,
                            country, changedId, country);
                    return;
                }
                changed.add(document);
            }
            refreshed.put(country, kept.get(country).with(changed, told.get(country).latest()));
        });
        return refreshed;
    }
}
