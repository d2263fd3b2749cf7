package org.followuptracker.query.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.Position;
import org.followuptracker.events.PositionRecorded;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.TrackerEvent;
import org.followuptracker.query.store.CountryIndex;
import org.followuptracker.query.store.IndexPart;
import org.followuptracker.query.freshness.ProjectedCountries;
import org.followuptracker.query.web.AsOf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoardReadsTest {

    private static final AsOf NOW = AsOf.of(null, Clock.fixed(Instant.parse("2013-06-01T12:00:00Z"), ZoneOffset.UTC));

    private final ProjectedCountries store = new ProjectedCountries();
    private final BoardProjection projection = new BoardProjection();
    private final BoardReads reads = new BoardReads(store.cache);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aKeptBoardIsBroughtUpToDateByReadingOnlyTheRecommendationsThatChanged() {
        EventEnvelope rec1 = recorded("rec-1");
        for (int i = 2; i <= 5; i++) {
            recorded("rec-" + i);
        }
        sent("letter-1", LocalDate.of(2013, 3, 1), List.of("rec-2", "rec-3"));
        // Read, with the board as known now worked out: it is then worked out again for the changed only.
        assertThat(idsOnTheBoard()).containsExactly("rec-2", "rec-3", "rec-1", "rec-4", "rec-5");

        // rec-5 is now first urged before all others, rec-6 is new, rec-1 is withdrawn, rec-3 has a position.
        sent("letter-0", LocalDate.of(2012, 1, 1), List.of("rec-5"));
        recorded("rec-6");
        applied("rec-1", "Recommendation", new FactRetracted("rec-1", "KAZ", rec1.id(), "RecommendationRecorded",
                "Recorded twice", LocalDate.of(2013, 5, 2)));
        applied("rec-3", "Recommendation", new PositionRecorded("rec-3", "KAZ", Position.SUPPORTED,
                LocalDate.of(2013, 4, 1), "Statement to the Council"));

        List<RecommendationState> board = reads.of(store.readModel, "KAZ").asOf(NOW);
        assertThat(board).extracting(RecommendationState::recommendationId)
                .containsExactly("rec-5", "rec-2", "rec-3", "rec-4", "rec-6");
        assertThat(board).isEqualTo(CountryBoard.onTheBoard(fromTheStore().stream(), NOW.knownAt()));
        assertThat(board.get(2).latestPosition()).isEqualTo("SUPPORTED");
        assertThat(store.reads("miss")).isEqualTo(1);
        assertThat(store.reads("refresh")).isEqualTo(1);
    }

    @Test
    void recommendationsChangedByAWriterThatDoesNotTellWhatChangedAreReadWhole() {
        recorded("rec-1");
        reads.of(store.readModel, "KAZ").asOf(NOW);

        // An earlier version of the projections writes a recommendation, and the audit head, but not which changed.
        store.mongo.save(fromTheStore().get(0).withPosition(new RecommendationDocument.PositionRecord("event-old",
                null, null, "Statement", "NOTED", "2013-04-01", Instant.parse("2026-01-02T00:00:00Z"), null)),
                store.readModel.generation().collection(RecommendationDocument.COLLECTION));
        store.chainEndsWith("KAZ", "event-old");

        assertThat(reads.of(store.readModel, "KAZ").asOf(NOW).get(0).latestPosition()).isEqualTo("NOTED");
        assertThat(store.reads("miss")).isEqualTo(2);
        assertThat(store.reads("refresh")).isZero();
    }

    @Test
    void aBoardWhoseIndexFilledPartsIsReadWholeAndARecommendationRecordedAgainIsNotIndexedTwice() {
        int recommendations = 2 * IndexPart.IDS + 3;
        List<EventEnvelope> recorded = new ArrayList<>();
        for (int i = 0; i < recommendations; i++) {
            recorded.add(recorded("rec-" + i));
        }
        // Applied again, as after a flush cut short that wrote the index but not the marks of being applied: the
        // first is in the first part by now, the last in the head.
        store.applied(recorded.get(0), projection);
        store.applied(recorded.get(IndexPart.IDS), projection);
        store.applied(recorded.get(recommendations - 1), projection);

        CountryIndex index = store.mongo.findById("KAZ", CountryIndex.class,
                store.readModel.generation().collection(RecommendationDocument.INDEX));
        assertThat(index.parts()).isEqualTo(2);
        assertThat(index.ids()).containsExactly("rec-" + (2 * IndexPart.IDS),
                "rec-" + (2 * IndexPart.IDS + 1), "rec-" + (2 * IndexPart.IDS + 2));
        assertThat(store.mongo.findById(IndexPart.key("KAZ", 1), IndexPart.class,
                store.readModel.generation().collection(RecommendationDocument.INDEX_PARTS)).ids()).hasSize(IndexPart.IDS)
                .startsWith("rec-" + IndexPart.IDS);
        // Each once (the board orders them by when first urged, then by id).
        assertThat(idsOnTheBoard()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, recommendations).mapToObj(i -> "rec-" + i).toList());
    }

    private EventEnvelope recorded(String recommendationId) {
        return applied(recommendationId, "Recommendation", new RecommendationRecorded(recommendationId, "KAZ",
                "Recommendation " + recommendationId, Mechanism.UPR, List.of(), List.of()));
    }

    private void sent(String letterId, LocalDate sentOn, List<String> recommendationIds) {
        applied(letterId, "Letter", new LetterSent(letterId, "KAZ", null, sentOn, "Amnesty International", "Minister",
                "Candidacy", List.of(), null, recommendationIds));
    }

    private EventEnvelope applied(String aggregateId, String aggregateType, TrackerEvent event) {
        EventEnvelope envelope = store.recorded(aggregateId, aggregateType, event);
        store.applied(envelope, projection);
        return envelope;
    }

    private List<String> idsOnTheBoard() {
        return reads.of(store.readModel, "KAZ").asOf(NOW).stream().map(RecommendationState::recommendationId).toList();
    }

    private List<RecommendationDocument> fromTheStore() {
        return store.mongo.findAll(RecommendationDocument.class,
                store.readModel.generation().collection(RecommendationDocument.COLLECTION));
    }
}
