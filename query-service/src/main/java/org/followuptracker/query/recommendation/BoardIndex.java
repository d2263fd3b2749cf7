package org.followuptracker.query.recommendation;

import java.util.List;
import org.followuptracker.query.readmodel.IndexParts;
import org.followuptracker.query.readmodel.ReadModel;
import org.springframework.data.annotation.Id;

/**
 * The recommendations made to one country, in the order they were recorded: the key to a country's board. The
 * document holds the latest ({@code recommendationIds}) and counts the {@code parts} before them ({@link #PARTS},
 * {@link IndexParts}), so that a recommendation recorded adds to a short document, not to a list of every one.
 */
public record BoardIndex(@Id String country, List<String> recommendationIds, Integer parts) {

    public static final String COLLECTION = "board_index";
    /** The earlier ids of each country's index, in parts ({@link org.followuptracker.query.readmodel.IndexPart}). */
    public static final String PARTS = "board_index_parts";

    public BoardIndex {
        recommendationIds = recommendationIds == null ? List.of() : recommendationIds;
        parts = parts == null ? 0 : parts;
    }

    static BoardIndex empty(String country) {
        return new BoardIndex(country, List.of(), 0);
    }

    IndexParts.Head head() {
        return new IndexParts.Head(parts, recommendationIds);
    }

    /** How many recommendations it names, in its parts and here. */
    int size() {
        return head().size();
    }

    /** With {@code recommendationId} added last; when this document fills, its ids are saved as a part. */
    BoardIndex with(String recommendationId, ReadModel readModel) {
        IndexParts.Head added = head().with(recommendationId, readModel, PARTS, country);
        return new BoardIndex(country, added.head(), added.parts());
    }
}
