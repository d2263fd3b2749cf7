package org.followuptracker.query.recommendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.followuptracker.query.store.ChangeWindow;
import org.followuptracker.query.freshness.CountryReadCache;
import org.followuptracker.query.store.CountryChanges;
import org.followuptracker.query.store.DirectReadModel;
import org.followuptracker.query.store.CountryIndex;
import org.springframework.stereotype.Component;

/**
 * Reads a country's board for readers: every recommendation made to it, thousands for the most written-to country,
 * kept in memory ({@link CountryReadCache}); when the country changes, only the recommendations that changed are
 * read again ({@link CountryChanges}).
 */
@Component
class BoardReads {

    private static final String WHAT = "board";

    private final CountryReadCache cache;

    BoardReads(CountryReadCache cache) {
        this.cache = cache;
    }

    /** Every recommendation made to {@code country}. */
    CountryBoard of(DirectReadModel readModel, String country) {
        CountryBoard board = cache.get(readModel, WHAT, country, BoardReads::load, BoardReads::refreshed,
                CountryBoard::size);
        return board != null ? board : CountryBoard.EMPTY;
    }

    private static Map<String, CountryBoard> load(DirectReadModel readModel, List<String> countries) {
        Map<String, CountryBoard> boards = new HashMap<>();
        for (String country : countries) {
            // Which change the board is as of, read first: the documents read after it are at least as new.
            CountryChanges changes = readModel.find(RecommendationDocument.CHANGES, country, CountryChanges.class);
            CountryIndex index = readModel.find(RecommendationDocument.INDEX, country, CountryIndex.class);
            if (index != null) {
                List<String> ids = CountryIndex.read(readModel, RecommendationDocument.INDEX_PARTS, List.of(index))
                        .get(country);
                boards.put(country, new CountryBoard(List.copyOf(readModel.findAll(RecommendationDocument.COLLECTION,
                        ids, RecommendationDocument.class)),
                        changes != null ? changes.latest() : ChangeWindow.UNKNOWN));
            }
        }
        return boards;
    }

    /** The kept boards with the recommendations changed since re-read, where which changed is known. */
    private static Map<String, CountryBoard> refreshed(DirectReadModel readModel, Map<String, CountryBoard> kept,
            Map<String, String> lastEventIds) {
        Map<String, CountryChanges> changesOf = new HashMap<>();
        List<String> toRead = new ArrayList<>();
        for (CountryChanges changes : readModel.findAll(RecommendationDocument.CHANGES, kept.keySet(),
                CountryChanges.class)) {
            List<String> changed = changes.changedAfter(kept.get(changes.country()).asOfChange(),
                    lastEventIds.get(changes.country())).orElse(null);
            if (changed != null) {
                changesOf.put(changes.country(), changes);
                toRead.addAll(changed);
            }
        }
        Map<String, List<RecommendationDocument>> read = new HashMap<>();
        readModel.findAll(RecommendationDocument.COLLECTION, toRead, RecommendationDocument.class)
                .forEach(doc -> read.computeIfAbsent(doc.country(), country -> new ArrayList<>()).add(doc));
        Map<String, CountryBoard> refreshed = new HashMap<>();
        changesOf.forEach((country, changes) -> refreshed.put(country,
                kept.get(country).with(read.getOrDefault(country, List.of()), changes.latest())));
        return refreshed;
    }
}
