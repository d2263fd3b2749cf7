package org.followuptracker.query.recommendation;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;

/** The recommendations made to one country, in the order they were recorded: the key to a country's board. */
public record BoardIndex(@Id String country, List<String> recommendationIds) {

    public static final String COLLECTION = "board_index";

    public BoardIndex {
        recommendationIds = recommendationIds == null ? List.of() : recommendationIds;
    }

    BoardIndex with(String recommendationId) {
        return recommendationIds.contains(recommendationId) ? this
                : new BoardIndex(country, Stream.concat(recommendationIds.stream(), Stream.of(recommendationId)).toList());
    }
}
