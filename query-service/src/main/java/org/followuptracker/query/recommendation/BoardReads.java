package org.followuptracker.query.recommendation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.followuptracker.query.readmodel.CountryReadCache;
import org.followuptracker.query.readmodel.DirectReadModel;
import org.springframework.stereotype.Component;

/**
 * Reads a country's board for readers: every recommendation made to it, thousands for the most written-to country,
 * kept in memory until the country changes ({@link CountryReadCache}).
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
        CountryBoard board = cache.get(readModel, WHAT, country, BoardReads::load, CountryBoard::size);
        return board != null ? board : CountryBoard.EMPTY;
    }

    private static Map<String, CountryBoard> load(DirectReadModel readModel, List<String> countries) {
        Map<String, CountryBoard> boards = new HashMap<>();
        for (String country : countries) {
            BoardIndex index = readModel.find(BoardIndex.COLLECTION, country, BoardIndex.class);
            if (index != null) {
                boards.put(country, new CountryBoard(List.copyOf(readModel.findAll(RecommendationDocument.COLLECTION,
                        index.recommendationIds(), RecommendationDocument.class))));
            }
        }
        return boards;
    }
}
