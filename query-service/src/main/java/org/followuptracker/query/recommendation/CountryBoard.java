package org.followuptracker.query.recommendation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.followuptracker.query.freshness.ChangedDocuments;
import org.followuptracker.query.store.CountryChanges;
import org.followuptracker.query.store.IsoDays;
import org.followuptracker.query.web.AsOf;

/**
 * A country's board as the query service keeps it in memory ({@link BoardReads}): the documents of every
 * recommendation made to it, as of one of the country's board changes ({@link CountryChanges}), and the board as
 * known now, worked out once: as known now it changes only with the documents. When some documents change, the
 * board as known now is worked out again for those only. Earlier moments ({@code asOf}) are worked out each time.
 */
final class CountryBoard implements ChangedDocuments.Kept<CountryBoard, RecommendationDocument> {

    /** The board's order: by country, then as first urged (by day, then place in the letter), then by id. */
    static final Comparator<RecommendationState> ORDER = Comparator.comparing(RecommendationState::country)
            .thenComparing(RecommendationState::firstUrgedOn, Comparator.nullsLast(IsoDays.DAY_ORDER))
            .thenComparing(RecommendationState::firstUrgedPosition)
            .thenComparing(RecommendationState::recommendationId);

    static final CountryBoard EMPTY = new CountryBoard(List.of(), 0);

    /** What the board as known now was before some documents changed: it is worked out again for those only. */
    private record Before(List<RecommendationState> now, Set<String> changed) {
    }

    private final List<RecommendationDocument> documents;
    private final long asOfChange;
    /** Let go of once the board as known now is worked out. */
    private volatile Before before;
    private volatile List<RecommendationState> now;

    CountryBoard(List<RecommendationDocument> documents, long asOfChange) {
        this(documents, asOfChange, null);
    }

    private CountryBoard(List<RecommendationDocument> documents, long asOfChange, Before before) {
        this.documents = documents;
        this.asOfChange = asOfChange;
        this.before = before;
    }

    int size() {
        return documents.size();
    }

    /** The last of the country's board changes these documents hold. */
    @Override
    public long asOfChange() {
        return asOfChange;
    }

    /** This board with {@code changed} documents in place of what it held of them (or added), as of change {@code latest}. */
    @Override
    public CountryBoard with(List<RecommendationDocument> changed, long latest) {
        if (changed.isEmpty()) {
            return this;
        }
        Map<String, RecommendationDocument> byId = new LinkedHashMap<>();
        documents.forEach(doc -> byId.put(doc.recommendationId(), doc));
        changed.forEach(doc -> byId.put(doc.recommendationId(), doc));
        List<RecommendationState> nowBefore = now;
        return new CountryBoard(List.copyOf(byId.values()), latest, nowBefore == null ? null
                : new Before(nowBefore, changed.stream().map(RecommendationDocument::recommendationId).collect(Collectors.toSet())));
    }

    /** The recommendations on the board at the moment (withdrawn ones left out), in the board's order. */
    List<RecommendationState> asOf(AsOf moment) {
        if (!moment.live()) {
            return onTheBoard(documents.stream(), moment.knownAt());
        }
        List<RecommendationState> kept = now;
        if (kept == null) {
            Before was = before;
            kept = was == null ? onTheBoard(documents.stream(), moment.knownAt()) : workedOutAgain(was, moment.knownAt());
            now = kept;
            before = null;
        }
        return kept;
    }

    /** The board as known now, from what it was before: only the changed documents' states are worked out. */
    private List<RecommendationState> workedOutAgain(Before was, Instant knownAt) {
        List<RecommendationState> states = new ArrayList<>(was.now().size() + was.changed().size());
        was.now().stream().filter(state -> !was.changed().contains(state.recommendationId())).forEach(states::add);
        states.addAll(onTheBoard(documents.stream().filter(doc -> was.changed().contains(doc.recommendationId())), knownAt));
        states.sort(ORDER);
        return List.copyOf(states);
    }

    static List<RecommendationState> onTheBoard(Stream<RecommendationDocument> documents, Instant knownAt) {
        return documents.map(doc -> doc.asOf(knownAt))
                .filter(Objects::nonNull)
                .filter(state -> !state.withdrawn())
                .sorted(ORDER)
                .toList();
    }
}
