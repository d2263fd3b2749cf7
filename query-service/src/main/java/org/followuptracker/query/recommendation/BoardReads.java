package org.followuptracker.query.recommendation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.followuptracker.query.freshness.ChangedDocuments;
import org.followuptracker.query.freshness.CountryReadCache;
import org.followuptracker.query.store.ChangeWindow;
import org.followuptracker.query.store.CountryChanges;
import org.followuptracker.query.store.DirectReadModel;
import org.followuptracker.query.store.CountryIndex;
import org.springframework.stereotype.Component;

/**
 * Reads a country's board for readers: every recommendation made to it, thousands for the most written-to country,
 * kept in memory ({@link CountryReadCache}); when the country changes, only the recommendations that changed are
 * read again ({@link ChangedDocuments}).
 */
@Component
class BoardReads {

    private static final String WHAT = "board";

    /** The board brought up to date with the recommendations changed since it was read. */
    private static final ChangedDocuments<CountryBoard, RecommendationDocument> CHANGED = new ChangedDocuments<>(
            RecommendationDocument.CHANGES, RecommendationDocument.COLLECTION, RecommendationDocument.class,
            RecommendationDocument::recommendationId, RecommendationDocument::country);

    private final CountryReadCache cache;

    BoardReads(CountryReadCache cache) {
        this.cache = cache;
    }

    /** Every recommendation made to {@code country}. */
    CountryBoard of(DirectReadModel readModel, String country) {
        CountryBoard board = cache.get(readModel, WHAT, country, BoardReads::load, CHANGED, CountryBoard::size);
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
}
