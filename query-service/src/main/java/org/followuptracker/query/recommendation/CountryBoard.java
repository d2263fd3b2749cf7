package org.followuptracker.query.recommendation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.followuptracker.query.web.AsOf;

/**
 * A country's board as the query service keeps it in memory until the country changes ({@link BoardReads}): the
 * documents of every recommendation made to it, and the board as known now, worked out once: as known now it changes
 * only with the documents. Earlier moments ({@code asOf}) are worked out each time.
 */
final class CountryBoard {

    /** The board's order: by country, then as first urged (by day, then place in the letter), then by id. */
    static final Comparator<RecommendationState> ORDER = Comparator.comparing(RecommendationState::country)
            .thenComparing(RecommendationState::firstUrgedOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RecommendationState::firstUrgedPosition)
            .thenComparing(RecommendationState::recommendationId);

    static final CountryBoard EMPTY = new CountryBoard(List.of());

    private final List<RecommendationDocument> documents;
    private volatile List<RecommendationState> now;

    CountryBoard(List<RecommendationDocument> documents) {
        this.documents = documents;
    }

    int size() {
        return documents.size();
    }

    /** The recommendations on the board at the moment (withdrawn ones left out), in the board's order. */
    List<RecommendationState> asOf(AsOf moment) {
        if (!moment.live()) {
            return onTheBoard(documents.stream(), moment.knownAt());
        }
        List<RecommendationState> kept = now;
        if (kept == null) {
            kept = onTheBoard(documents.stream(), moment.knownAt());
            now = kept;
        }
        return kept;
    }

    static List<RecommendationState> onTheBoard(Stream<RecommendationDocument> documents, Instant knownAt) {
        return documents.map(doc -> doc.asOf(knownAt))
                .filter(Objects::nonNull)
                .filter(state -> !state.withdrawn())
                .sorted(ORDER)
                .toList();
    }
}
