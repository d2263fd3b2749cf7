package org.followuptracker.query.recommendation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.followuptracker.query.readmodel.CountryReadCache;
import org.followuptracker.query.readmodel.DirectReadModel;
import org.springframework.stereotype.Component;

/**
 * Reads a country's board for readers: every recommendation made to it, thousands for the most written-to country,
 * kept in memory ({@link CountryReadCache}); when the country changes, only the recommendations that changed are
 * read again ({@link BoardChanges}).
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
            long asOfChange = changesOf(readModel, country).latest();
            BoardIndex index = readModel.find(BoardIndex.COLLECTION, country, BoardIndex.class);
            if (index != null) {
                boards.put(country, new CountryBoard(List.copyOf(readModel.findAll(RecommendationDocument.COLLECTION,
                        index.recommendationIds(), RecommendationDocument.class)), asOfChange));
            }
        }
        return boards;
    }

    /** {@code kept} with the recommendations changed since re-read; null if which changed is no longer known. */
    private static CountryBoard refreshed(DirectReadModel readModel, String country, CountryBoard kept) {
        BoardChanges changes = changesOf(readModel, country);
        Set<String> changed = changes.changedAfter(kept.asOfChange()).orElse(null);
        if (changed == null) {
            return null;
        }
        return kept.with(readModel.findAll(RecommendationDocument.COLLECTION, changed, RecommendationDocument.class),
                changes.latest());
    }

    private static BoardChanges changesOf(DirectReadModel readModel, String country) {
        BoardChanges changes = readModel.find(BoardChanges.COLLECTION, country, BoardChanges.class);
        return changes != null ? changes : BoardChanges.none(country);
    }
}
